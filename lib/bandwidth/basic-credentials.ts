// HTTP Basic credentials, as Bandwidth sends them to our webhook and as its legacy API users and
// OAuth token endpoint take them. Pure: the webhook and the sandbox share it.

export type Credentials = { username: string; password: string };

/** HTTP Basic credentials from an Authorization header, or null. */
export function basicCredentials(header: string | null | undefined): Credentials | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return null;
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
