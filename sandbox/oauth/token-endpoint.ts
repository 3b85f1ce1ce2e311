import type { IncomingMessage } from "node:http";
import { SECOND, type Clock } from "../clock";
import { basicCredentials, type Credentials } from "@/lib/bandwidth/basic-credentials";
import { BodyTooLargeError, mediaType, readBody, type Reply } from "../http/kit";
import type { SandboxState } from "../state";
import { TOKEN_LIFETIME_SECONDS } from "./api-credentials";
import { invalidClient, invalidRequest, NO_STORE, unsupportedGrantType } from "./oauth-errors";

export type TokenDeps = { state: SandboxState; clock: Clock };

/** What the request log keeps of a token request: never the secret, never the token. */
export type TokenExchange = { reply: Reply; body: unknown; response: unknown; caller: string | null };

const FORM = "application/x-www-form-urlencoded";
const MAX_BODY = 16 * 1024;

/**
 * `POST /api/v1/oauth2/token`, the client credentials grant (RFC 6749 §4.4) as Bandwidth serves
 * it. Checked in this order: the request's form (400 invalid_request), the client (401
 * invalid_client), then the grant (400).
 */
export async function issueToken({ state, clock }: TokenDeps, request: IncomingMessage): Promise<TokenExchange> {
  const header = request.headers.authorization;
  let claimed = basicCredentials(header)?.username ?? null;
  const answer = (reply: Reply, body?: unknown): TokenExchange => ({
    reply,
    body,
    response: reply.body,
    caller: claimed,
  });

  const contentType = mediaType(request.headers["content-type"]);
  if (contentType !== FORM)
    return answer(invalidRequest(`Content type '${contentType || "none"}' is not supported; use '${FORM}'`));
  let raw: string;
  try {
    raw = (await readBody(request, MAX_BODY)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer(invalidRequest("The request body is too large"));
    throw error;
  }
  const form = parseForm(raw);
  if (!form) return answer(invalidRequest("The request body is not a valid form"));
  claimed ??= form.get("client_id") ?? null;
  const logged = {
    grant_type: form.get("grant_type"),
    ...(form.has("client_id") ? { client_id: form.get("client_id") } : {}),
  };
  const repeated = [...new Set(form.keys())].find((key) => form.getAll(key).length > 1);
  if (repeated) return answer(invalidRequest(`The parameter '${repeated}' is repeated`), logged);

  const credentials = clientCredentials(header, form);
  if ("reply" in credentials) return answer(credentials.reply, logged);
  const client = credentials.map((given) => state.credentials.verify(given.username, given.password)).find(Boolean);
  if (!client) return answer(invalidClient(), logged);
  claimed = client.clientId;

  const grantType = form.get("grant_type");
  if (!grantType) return answer(invalidRequest("The request has no grant_type"), logged);
  if (grantType !== "client_credentials") return answer(unsupportedGrantType(grantType), logged);

  // Bandwidth's hour, scaled like every sandbox duration, but never shorter than the floor of
  // response timeouts: a token just issued must survive the round trip of the call that uses it.
  const now = clock.now();
  // `expires_in` tells the scaled lifetime too, so a client that refreshes ahead of it (as the app
  // does) behaves against the sandbox as it would against Bandwidth's hour.
  const lifetimeMs = clock.timeout(TOKEN_LIFETIME_SECONDS * SECOND);
  const token = state.credentials.issue(client, now + lifetimeMs, now);
  const body = { access_token: token, token_type: "Bearer", expires_in: Math.max(1, Math.floor(lifetimeMs / SECOND)) };
  return {
    reply: { status: 200, body, headers: { ...NO_STORE } },
    body: logged,
    response: { ...body, access_token: "[redacted]" },
    caller: claimed,
  };
}

/** The form, or null when it cannot be decoded (URLSearchParams would silently keep broken escapes). */
function parseForm(raw: string): URLSearchParams | null {
  try {
    for (const part of raw.split("&")) decodeURIComponent(part.replaceAll("+", " "));
  } catch {
    return null;
  }
  return new URLSearchParams(raw);
}

/** HTTP Basic (client_secret_basic) or the form's client_id/client_secret (client_secret_post), not both. */
function clientCredentials(header: string | undefined, form: URLSearchParams): Credentials[] | { reply: Reply } {
  const basic = basicCredentials(header);
  const posted = form.has("client_secret")
    ? { username: form.get("client_id") ?? "", password: form.get("client_secret") ?? "" }
    : null;
  if (basic && posted)
    return { reply: invalidRequest("Use one way of client authentication: HTTP Basic or the form, not both") };
  if (basic) return basicReadings(basic);
  return posted
    ? [posted]
    : { reply: invalidClient("Client authentication is required: HTTP Basic with client_id:client_secret") };
}

// RFC 6749 §2.3.1 form-encodes the id and secret inside Basic; the official SDK (axios `auth`) does
// not. Both readings are tried, so either kind of client gets in with the same credentials.
function basicReadings(basic: Credentials): Credentials[] {
  const decoded = formDecoded(basic);
  return decoded && (decoded.username !== basic.username || decoded.password !== basic.password)
    ? [basic, decoded]
    : [basic];
}

function formDecoded({ username, password }: Credentials): Credentials | null {
  try {
    return {
      username: decodeURIComponent(username.replaceAll("+", " ")),
      password: decodeURIComponent(password.replaceAll("+", " ")),
    };
  } catch {
    return null;
  }
}
