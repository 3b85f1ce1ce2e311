/** Bandwidth's production messaging API (v2); the default for every account. */
export const BANDWIDTH_MESSAGING_URL = "https://messaging.bandwidth.com/api/v2";
