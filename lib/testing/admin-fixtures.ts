// For database tests of the admin console: a sandbox-backed Bandwidth configuration (the
// messaging fixture), an admin to act as, every console line captured (to prove no secret is
// logged), and a way to add accounts pointing at the sandbox.
import { beforeEach, afterEach, vi } from "vitest";
import { accountCreateSchema } from "@/lib/validations/admin";
import type { CurrentUser } from "@/lib/auth/session";
import { createAccount } from "@/lib/admin/accounts";
import { setUpMessagingFixture, type MessagingFixture } from "./messaging-fixtures";
import { testDb, unique } from "./test-database";

export const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY ?? "";
export const SECRET = "Sup3r-Secret-Bandwidth-Password-42";
export const ACCOUNT_SETTINGS = {
  encryptionKey: ENCRYPTION_KEY,
  defaultTokenUrl: "https://api.bandwidth.com/api/v1/oauth2/token",
  sandboxEnabled: true,
};

export type AdminFixture = { fixture: MessagingFixture; admin: CurrentUser; logged: string[] };

export function setUpAdminFixture(options: { legacy?: boolean } = {}): () => AdminFixture {
  const messaging = setUpMessagingFixture(options);
  let current: AdminFixture | undefined;
  beforeEach(async () => {
    const user = await testDb().user.create({
      data: { email: `${unique("admin")}@example.com`, name: "Avery", passwordHash: "x", role: "ADMIN" },
    });
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(describe).join(" "));
      });
    }
    current = {
      fixture: messaging(),
      admin: { id: user.id, email: user.email, name: user.name, role: "ADMIN", active: true },
      logged,
    };
  });
  afterEach(() => vi.restoreAllMocks());
  return () => {
    if (!current) throw new Error("the admin fixture is only there inside a test");
    return current;
  };
}

/** An account added through the console, pointing at the test's sandbox (API credentials unless told). */
export function addAccount(
  { fixture, admin }: AdminFixture,
  overrides: Partial<{
    accountId: string;
    credentialKind: "OAUTH" | "LEGACY";
    credentialId: string;
    credentialSecret: string;
  }> = {},
) {
  return createAccount(
    testDb(),
    admin,
    accountCreateSchema.parse({
      accountId: String(Math.floor(Math.random() * 1e9)),
      name: "Support",
      credentialId: "client-id",
      credentialSecret: SECRET,
      messagingBaseUrl: `${fixture.url}/api/v2`,
      tokenUrl: `${fixture.url}/api/v1/oauth2/token`,
      ...overrides,
    }),
    ACCOUNT_SETTINGS,
  );
}

function describe(arg: unknown): string {
  if (arg instanceof Error) return `${arg.message} ${arg.stack}`;
  return typeof arg === "string" ? arg : JSON.stringify(arg);
}
