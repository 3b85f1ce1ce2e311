// For database tests of the webhook: a Bandwidth application with numbers of its own and
// callback credentials, and callback elements shaped as Bandwidth sends them.
import { randomBytes, randomUUID } from "node:crypto";
import { basicAuthorization } from "@/lib/bandwidth/basic-credentials";
import { hashRandomSecret } from "@/lib/crypto/secret-hash";
import { testDb, uniqueNumber } from "./test-database";

export type TestApplication = {
  /** Bandwidth's application id: the one in the webhook's URL. */
  applicationId: string;
  /** The HTTP Basic header of its callback credentials. */
  authorization: string;
  /** Registers a number (a new one by default) as this application's and returns it. */
  number: (e164?: string) => Promise<string>;
};

export async function testApplication(): Promise<TestApplication> {
  const password = randomBytes(24).toString("base64url");
  const application = await testDb().bandwidthApplication.create({
    data: {
      applicationId: randomUUID(),
      name: "Webhook tests",
      account: {
        create: {
          accountId: String(10_000_000 + Math.floor(Math.random() * 80_000_000)),
          name: "Webhook tests",
          messagingBaseUrl: "http://127.0.0.1:9/api/v2",
          credentialId: "unused",
          credentialSecretEncrypted: "unused",
        },
      },
      callbackCredentials: { create: { username: "callbacks", passwordHash: hashRandomSecret(password) } },
    },
  });
  return {
    applicationId: application.applicationId,
    authorization: basicAuthorization({ username: "callbacks", password }),
    number: async (e164 = uniqueNumber()) => {
      await testDb().phoneNumber.upsert({
        where: { e164 },
        create: { e164, applicationId: application.id },
        update: { applicationId: application.id },
      });
      return e164;
    },
  };
}

export type CallbackElement = Record<string, unknown> & { message: Record<string, unknown> };

/** A message-received element: `from` texted our number `owner`. */
export function receivedEvent(owner: string, from: string, message: Record<string, unknown> = {}): CallbackElement {
  const time = new Date().toISOString();
  return {
    type: "message-received",
    time,
    to: owner,
    description: "Incoming message received",
    message: {
      id: `bw-${randomUUID()}`,
      owner,
      time,
      segmentCount: 1,
      direction: "in",
      to: [owner],
      from,
      text: "hi",
      ...message,
    },
  };
}

/** A status element about a message `owner` sent to `to`, for the recipient `recipient`. */
export function statusElement(
  type: string,
  owner: string,
  to: string[],
  message: Record<string, unknown> = {},
  recipient = to[0] ?? "",
): CallbackElement {
  const time = new Date().toISOString();
  return {
    type,
    time,
    to: recipient,
    description: type,
    message: { id: `bw-${randomUUID()}`, owner, time, segmentCount: 1, direction: "out", to, from: owner, ...message },
  };
}
