import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { AuthDeps } from "../api/auth";
import { notFound, validationError } from "../http/bandwidth-errors";
import type { Reply } from "../http/kit";
import type { SandboxState } from "../state";
import { parseJson } from "./parse-json";

// Bandwidth's dashboard for an account's way in: the legacy API user, OAuth 2.0 API credentials
// (Account > API Credentials) and, sandbox-only, whether legacy Basic still authenticates.

// A client id travels as the user name of HTTP Basic, so it cannot hold a colon.
const clientId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^:\s]+$/, "a client id has no colon or whitespace");
const clientSecret = z.string().min(1).max(200);

const accountSchema = z
  .object({ apiUsername: z.string().min(1), apiPassword: z.string().min(1), clientId, clientSecret })
  .partial()
  .refine((body) => (body.apiUsername === undefined) === (body.apiPassword === undefined), {
    message: "give apiUsername and apiPassword together",
    path: ["apiPassword"],
  })
  .refine((body) => (body.clientId === undefined) === (body.clientSecret === undefined), {
    message: "give clientId and clientSecret together",
    path: ["clientSecret"],
  })
  .refine((body) => body.apiUsername !== undefined || body.clientId !== undefined, {
    message: "give apiUsername/apiPassword, clientId/clientSecret or both",
  });

const newClientSchema = z.object({ clientId, clientSecret }).partial().strict();
const rotateSchema = z.object({ clientSecret }).partial().strict();
const authSchema = z.object({ legacyBasicAuth: z.enum(["accepted", "refused"]) }).strict();

export async function handleAccountControl(
  { state, clock }: AuthDeps,
  request: IncomingMessage,
  path: string,
): Promise<Reply | null> {
  const method = request.method ?? "GET";
  const account = /^\/sandbox\/accounts\/(\d+)$/.exec(path)?.[1];
  const credentials = /^\/sandbox\/accounts\/(\d+)\/credentials$/.exec(path)?.[1];
  const client = /^\/sandbox\/accounts\/(\d+)\/credentials\/([^/]+)(\/rotate)?$/.exec(path);

  if (path === "/sandbox/auth") {
    if (method === "GET") return { status: 200, body: { legacyBasicAuth: state.legacyBasicAuth } };
    if (method !== "PUT") return null;
    const parsed = await parseJson(request, authSchema);
    if ("reply" in parsed) return parsed.reply;
    state.legacyBasicAuth = parsed.value.legacyBasicAuth;
    return { status: 200, body: { legacyBasicAuth: state.legacyBasicAuth } };
  }
  if (method === "GET" && path === "/sandbox/accounts") {
    return { status: 200, body: [...state.accounts.keys()].map((accountId) => accountView(state, accountId)) };
  }
  if (method === "PUT" && account) {
    // Merges: a PUT naming only OAuth credentials keeps the account's legacy API user, and back.
    const parsed = await parseJson(request, accountSchema);
    if ("reply" in parsed) return parsed.reply;
    const { apiUsername, apiPassword, clientId: id, clientSecret: secret } = parsed.value;
    const existing = id === undefined ? undefined : state.credentials.get(id);
    if (existing && existing.accountId !== account)
      return validationError([
        { fieldName: "clientId", description: "this client id belongs to another sandbox account" },
      ]);
    state.accounts.set(account, {
      ...state.accounts.get(account),
      accountId: account,
      ...(apiUsername ? { apiUsername, apiPassword } : {}),
    });
    if (id && secret && !existing) state.credentials.add(account, id, secret);
    // A different secret for a known client is a rotation: its tokens end with the old secret.
    if (id && secret && existing && existing.clientSecret !== secret) state.credentials.rotate(id, secret);
    return { status: 200, body: accountView(state, account) };
  }
  if (credentials) {
    if (!state.accounts.has(credentials)) return notFound("no such sandbox account");
    if (method === "GET") {
      const now = clock.now();
      return {
        status: 200,
        body: state.credentials.ofAccount(credentials).map((entry) => ({
          clientId: entry.clientId,
          activeTokens: state.credentials.activeTokens(entry.clientId, now),
        })),
      };
    }
    if (method !== "POST") return null;
    const parsed = await parseJson(request, newClientSchema);
    if ("reply" in parsed) return parsed.reply;
    const created = state.credentials.add(credentials, parsed.value.clientId, parsed.value.clientSecret);
    if (!created)
      return validationError([{ fieldName: "clientId", description: "a client with this id exists already" }]);
    // The only time the secret is shown, as on Bandwidth's dashboard.
    return { status: 201, body: created };
  }
  if (client?.[1] && client[2]) {
    const [, accountId, encodedId, rotate] = client;
    const id = safeDecode(encodedId);
    if (state.credentials.get(id)?.accountId !== accountId)
      return notFound("no such API client on this sandbox account");
    if (method === "DELETE" && !rotate) {
      state.credentials.revoke(id);
      return { status: 204 };
    }
    if (method !== "POST" || !rotate) return null;
    const parsed = await parseJson(request, rotateSchema);
    if ("reply" in parsed) return parsed.reply;
    const rotated = state.credentials.rotate(id, parsed.value.clientSecret);
    return rotated ? { status: 200, body: rotated } : notFound("no such API client on this sandbox account");
  }
  return null;
}

/** An account without its secrets. */
function accountView(state: SandboxState, accountId: string) {
  const account = state.accounts.get(accountId);
  return {
    accountId,
    ...(account?.apiUsername ? { apiUsername: account.apiUsername } : {}),
    clientIds: state.credentials.ofAccount(accountId).map((entry) => entry.clientId),
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
