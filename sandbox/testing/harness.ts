// Test helpers: a sandbox on a free port with Bandwidth's official SDK pointed at it, and a
// callback receiver standing in for the app's webhook.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Configuration, MediaApi, MessagesApi } from "bandwidth-sdk";
import { loadSandboxConfig, type SandboxConfig } from "../config";
import { createSandbox } from "../server";
import { fetchToken } from "./oauth-client";

export const ACCOUNT = "9900001";
export const APPLICATION = "d6e5b1a2-5c1e-4b8e-9a57-3c0f3a9e7b10";
export const OUR_NUMBER = "+19195550100";
export const SECOND_NUMBER = "+19195550101";
export const TOLL_FREE = "+18885550100";
export const CALLBACK_CREDENTIALS = { username: "bandwidth-callbacks", password: "callback-secret-for-tests" };

export async function startSandbox(overrides: Partial<SandboxConfig> = {}) {
  const config = loadSandboxConfig({}, { port: 0, ...overrides });
  const sandbox = createSandbox(config);
  const url = await sandbox.listen();
  const basePath = `${url}/api/v2`;
  const apis = (configuration: Configuration) => ({
    messages: new MessagesApi(configuration),
    media: new MediaApi(configuration),
  });
  // The SDK's own clientId/clientSecret fetch is hard-wired to api.bandwidth.com; an `accessToken`
  // function is how an app points it at another token URL. One token per SDK, fetched on first use.
  const sdk = (clientId = config.clientId, clientSecret = config.clientSecret) => {
    let token: Promise<string> | undefined;
    return apis(
      new Configuration({ basePath, accessToken: () => (token ??= fetchToken(url, clientId, clientSecret)) }),
    );
  };
  const sdkWithToken = (accessToken: string) => apis(new Configuration({ basePath, accessToken }));
  /** HTTP Basic with a legacy API user, as before 2 December 2026. */
  const legacySdk = (username = config.apiUsername, password = config.apiPassword) =>
    apis(new Configuration({ basePath, username, password }));
  const token = (clientId = config.clientId, clientSecret = config.clientSecret) =>
    fetchToken(url, clientId, clientSecret);
  /** An Authorization header for plain fetch calls. */
  const bearer = async () => ({ authorization: `Bearer ${await token()}` });
  return { sandbox, url, config, sdk, sdkWithToken, legacySdk, token, bearer };
}

export type Received = { headers: IncomingHttpHeaders; body: unknown; at: number };

/** A webhook: answers with `answer(n)` (status, or [status, delayMs]) for the n-th request (0-based). */
export async function startReceiver(answer: (index: number, body: unknown) => number | [number, number] = () => 200) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
      const index = received.length;
      received.push({ headers: request.headers, body, at: Date.now() });
      const result = answer(index, body);
      const [status, delay] = Array.isArray(result) ? result : [result, 0];
      setTimeout(() => response.writeHead(status).end(), delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received,
    events: () => received.flatMap((entry) => entry.body as Array<Record<string, unknown>>),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An SDK call's answer, whether 2xx or not. */
export async function settle<T>(call: Promise<{ status: number; data: T; headers: unknown }>) {
  try {
    const response = await call;
    return {
      status: response.status,
      data: response.data as unknown,
      headers: response.headers as Record<string, string>,
    };
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown; headers: Record<string, string> } })
      .response;
    if (!response) throw error;
    return { status: response.status, data: response.data, headers: response.headers };
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A call to the sandbox's control API (`/sandbox/…`) with a JSON body. */
export async function control(baseUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    data: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & Array<Record<string, unknown>>,
  };
}
