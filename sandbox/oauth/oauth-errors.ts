import type { Reply } from "../http/kit";

// The token endpoint answers in OAuth 2.0's shape (RFC 6749 §5.2), not in the messaging API's
// `{type, description}`: this is what an OAuth client library parses.

type OAuthError = "invalid_request" | "invalid_client" | "unsupported_grant_type";

// RFC 6749 §5.1/§5.2: token responses and their errors must never be cached.
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export function invalidRequest(description: string): Reply {
  return oauthError(400, "invalid_request", description);
}

export function unsupportedGrantType(grantType: string): Reply {
  return oauthError(
    400,
    "unsupported_grant_type",
    `The grant type '${grantType.slice(0, 80)}' is not supported; use 'client_credentials'`,
  );
}

/** 401 with a Basic challenge: the client authenticates to the token endpoint with HTTP Basic. */
export function invalidClient(description = "Client authentication failed"): Reply {
  return {
    ...oauthError(401, "invalid_client", description),
    headers: { ...NO_STORE, "www-authenticate": 'Basic realm="Bandwidth"' },
  };
}

function oauthError(status: number, error: OAuthError, description: string): Reply {
  return { status, body: { error, error_description: description }, headers: { ...NO_STORE } };
}
