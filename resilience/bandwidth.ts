// Bandwidth for both instances: one sandbox (its callbacks go to HAProxy, as Bandwidth's would go to
// the load balancer), and in front of its messaging API a gate that can hold sends on the wire, so
// that an instance can be killed with sends claimed but not yet out.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadSandboxConfig } from "@/sandbox/config";
import { createSandbox } from "@/sandbox/server";
import { onCleanup } from "./child-groups";

/** Made-up identifiers of the suite's Bandwidth account and application, shared by sandbox and app. */
export const RESILIENCE_BANDWIDTH = {
  accountId: "9900017",
  clientId: "resilience-client",
  clientSecret: "resilience-client-secret-4Tz8",
  applicationId: "5e51e17e-0000-4000-8000-00000000a017",
  callbackUsername: "resilience-callbacks",
  callbackPassword: "resilience-callback-password-0123456789",
  number: "+19195550117",
} as const;

export type SharedBandwidth = {
  sandboxUrl: string;
  /** What the instances use as BANDWIDTH_MESSAGING_BASE_URL: the gate in front of the sandbox. */
  messagingBaseUrl: string;
  tokenUrl: string;
  gate: SendGate;
};

export async function startSharedBandwidth(options: {
  balancerUrl: string;
  sandboxPort: number;
  gatePort: number;
}): Promise<SharedBandwidth> {
  const webhook = `${options.balancerUrl}/api/webhooks/bandwidth/${RESILIENCE_BANDWIDTH.applicationId}`;
  const sandbox = createSandbox(
    loadSandboxConfig(
      // Callbacks and the delivery queue 20× faster, as in the e2e run; no rate limit in the way.
      { SANDBOX_TIME_SCALE: "20", SANDBOX_MINIMUM_TIMEOUT_MS: "3000" },
      {
        port: options.sandboxPort,
        accountId: RESILIENCE_BANDWIDTH.accountId,
        clientId: RESILIENCE_BANDWIDTH.clientId,
        clientSecret: RESILIENCE_BANDWIDTH.clientSecret,
        applicationId: RESILIENCE_BANDWIDTH.applicationId,
        applicationName: "Resilience suite",
        inboundCallbackUrl: webhook,
        statusCallbackUrl: webhook,
        callbackUsername: RESILIENCE_BANDWIDTH.callbackUsername,
        callbackPassword: RESILIENCE_BANDWIDTH.callbackPassword,
        numbers: [RESILIENCE_BANDWIDTH.number],
        rateSegmentsPerMinute: 60_000,
        queueCapacitySegments: 100_000,
      },
    ),
  );
  const sandboxUrl = await sandbox.listen();
  onCleanup(() => sandbox.close());
  const gate = await startSendGate(sandboxUrl, options.gatePort);
  return {
    sandboxUrl,
    messagingBaseUrl: `${gate.url}/api/v2`,
    tokenUrl: `${sandboxUrl}/api/v1/oauth2/token`,
    gate,
  };
}

/** How many times the sandbox received each tag (our message id) it was sent with. */
export async function sandboxSendsByTag(sandboxUrl: string): Promise<Map<string, number>> {
  const response = await fetch(`${sandboxUrl}/sandbox/messages`);
  const records = (await response.json()) as Array<{ message: { tag?: string } }>;
  const counts = new Map<string, number>();
  for (const { message } of records) if (message.tag) counts.set(message.tag, (counts.get(message.tag) ?? 0) + 1);
  return counts;
}

type Held = { request: IncomingMessage; response: ServerResponse; body: Buffer };

export type SendGate = {
  url: string;
  /** Sends (POST …/messages) wait at the gate from now on. */
  hold(): void;
  held(): number;
  /**
   * Lets the held sends through, except those whose sender hung up meanwhile (its instance was
   * killed): those never reach Bandwidth. Returns how many were dropped.
   */
  release(): Promise<number>;
};

async function startSendGate(targetUrl: string, port: number): Promise<SendGate> {
  let holding = false;
  const parked: Held[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const held = { request, response, body: Buffer.concat(chunks) };
      if (holding && request.method === "POST" && /\/messages$/.test(request.url ?? "")) parked.push(held);
      else void forward(targetUrl, held);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: () => {
      holding = true;
    },
    held: () => parked.length,
    release: async () => {
      holding = false;
      const batch = parked.splice(0);
      const gone = batch.filter((held) => held.request.socket.destroyed);
      await Promise.all(batch.filter((held) => !gone.includes(held)).map((held) => forward(targetUrl, held)));
      return gone.length;
    },
  };
}

async function forward(targetUrl: string, { request, response, body }: Held): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers.set(name, value);
  try {
    const answer = await fetch(`${targetUrl}${request.url ?? "/"}`, {
      method: request.method,
      headers,
      body: ["GET", "HEAD"].includes(request.method ?? "GET") ? undefined : new Uint8Array(body),
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(payload);
  } catch {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  }
}
