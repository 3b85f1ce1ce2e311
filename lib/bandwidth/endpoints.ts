/** Bandwidth's production messaging API (v2); the default for every account. */
export const BANDWIDTH_MESSAGING_URL = "https://messaging.bandwidth.com/api/v2";

/** Bandwidth's OAuth 2.0 token endpoint (client credentials); the default for every account. */
export const BANDWIDTH_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token";
