// Test helpers for the sandbox's OAuth 2.0 token endpoint, requested the way the official SDK
// does it (form body, HTTP Basic client_id:client_secret), with every part overridable.

export type TokenAnswer = { status: number; data: Record<string, unknown>; headers: Headers };

export type TokenRequest = {
  clientId?: string;
  clientSecret?: string;
  /** Leave out the Authorization header (e.g. to send the credentials in the form instead). */
  noBasic?: boolean;
  body?: string;
  contentType?: string | null;
};

export async function requestToken(baseUrl: string, request: TokenRequest = {}): Promise<TokenAnswer> {
  const {
    clientId = "sandbox-client-id",
    clientSecret = "sandbox-client-secret",
    body = "grant_type=client_credentials",
  } = request;
  const headers: Record<string, string> = {};
  if (!request.noBasic)
    headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  const contentType = request.contentType === undefined ? "application/x-www-form-urlencoded" : request.contentType;
  if (contentType) headers["content-type"] = contentType;
  const response = await fetch(`${baseUrl}/api/v1/oauth2/token`, { method: "POST", headers, body });
  return {
    status: response.status,
    data: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** An access token for these credentials; throws when the sandbox refuses them. */
export async function fetchToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const answer = await requestToken(baseUrl, { clientId, clientSecret });
  if (answer.status !== 200 || typeof answer.data.access_token !== "string") {
    throw new Error(`token request refused: ${answer.status} ${JSON.stringify(answer.data)}`);
  }
  return answer.data.access_token;
}
