import { readFileSync } from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3100);
export const APP_URL = `http://localhost:${port}`;
export const SANDBOX_URL = `http://127.0.0.1:${port + 10}`;
export const APPLICATION_ID = "d6e5b1a2-5c1e-4b8e-9a57-3c0f3a9e7b10";
export const SUPPORT_LINE = "+19195550100";
export const BILLING_LINE = "+19195550101";
export const CALLBACK_AUTH = `Basic ${Buffer.from("bandwidth-callbacks:sandbox-callback-password-7Qm2vX9pL4").toString("base64")}`;

export async function sandbox(path: string, init?: { method?: string; body?: unknown }) {
  const response = await fetch(`${SANDBOX_URL}${path}`, {
    method: init?.method ?? (init?.body ? "POST" : "GET"),
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

export const setFaults = (faults: object) => sandbox("/sandbox/faults", { method: "PUT", body: faults });
export const clearFaults = () => sandbox("/sandbox/faults", { method: "DELETE" });

/** A unique customer number the sandbox always delivers to (last four digits below 4000: no error code). */
export function customer(): string {
  const exchange = 100 + Math.floor(Math.random() * 900);
  const line = String(Math.floor(Math.random() * 4000)).padStart(4, "0");
  return `+1555${exchange}${line}`;
}

/** The Cookie header of a saved Playwright session, for plain fetch (e.g. to read an SSE stream). */
export function cookieHeader(storageStatePath: string): string {
  const state = JSON.parse(readFileSync(storageStatePath, "utf8")) as {
    cookies: Array<{ name: string; value: string }>;
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}
