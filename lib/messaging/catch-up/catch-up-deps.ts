import "server-only";
import type pg from "pg";
import { accessForAccount, type BandwidthAccess } from "@/lib/bandwidth/credentials";
import {
  listAllMessages,
  ListMessagesError,
  type ListFilters,
  type ListMessageItem,
  type ListOptions,
} from "@/lib/bandwidth/list-messages";
import type { Db } from "@/lib/db";
import type { CatchUpSettings } from "./catch-up-rules";

export type CatchUpDeps = {
  database: Db;
  pool: pg.Pool;
  encryptionKey: string;
  settings: CatchUpSettings;
  /** A send's confirmation window: where to look for a send whose answer was lost. */
  confirmationWindowMs: number;
  list: Omit<ListOptions, "onRequest">;
  now?: () => Date;
};

/** What a run has done so far (kept in catch_up_runs, even when it stops early). */
export type CatchUpTally = {
  requests: number;
  outboundChecked: number;
  outboundApplied: number;
  numbersChecked: number;
  inboundChecked: number;
  inboundAdded: number;
};

export type OurNumber = { e164: string; access: BandwidthAccess };

/**
 * What went wrong with one account or one lookup, said once per account: the run goes on with the
 * others and records these as its error.
 */
export class Problems {
  private readonly seen = new Map<string, string>();

  add(accountId: string, error: unknown): void {
    if (error instanceof ListMessagesError && error.rateLimited) throw error; // the run stops here
    if (!this.seen.has(accountId))
      this.seen.set(accountId, `account ${accountId}: ${error instanceof Error ? error.message : String(error)}`);
  }

  list(): string[] {
    return [...this.seen.values()];
  }
}

/** Each of our numbers with the credentials of the Bandwidth account it belongs to (an account whose secret cannot be read is a problem, its numbers left out). */
export async function ourNumbers(deps: CatchUpDeps, problems: Problems): Promise<OurNumber[]> {
  const numbers = await deps.database.phoneNumber.findMany({
    include: { application: { include: { account: true } } },
    orderBy: { e164: "asc" },
  });
  const access = new Map<string, BandwidthAccess | null>();
  return numbers.flatMap((number) => {
    const account = number.application.account;
    if (!access.has(account.id)) {
      try {
        access.set(account.id, accessForAccount(account, deps.encryptionKey));
      } catch (error) {
        problems.add(account.accountId, error);
        access.set(account.id, null);
      }
    }
    const resolved = access.get(account.id);
    return resolved ? [{ e164: number.e164, access: resolved }] : [];
  });
}

/** List Messages with the run's pacing, counting each request in the tally. */
export function lister(deps: CatchUpDeps, tally: CatchUpTally) {
  return (access: BandwidthAccess, filters: ListFilters): Promise<ListMessageItem[]> =>
    listAllMessages(access, filters, {
      ...deps.list,
      onRequest: () => {
        tally.requests += 1;
      },
    });
}

/** Which of these messages' Bandwidth ids we have stored (by callback, send or placeholder). */
export async function storedIds(pool: pg.Pool, items: ListMessageItem[]): Promise<Set<string>> {
  const { rows } = await pool.query<{ id: string }>(
    "SELECT bandwidth_message_id AS id FROM messages WHERE bandwidth_message_id = ANY($1::text[])",
    [[...new Set(items.map((item) => item.messageId))]],
  );
  return new Set(rows.map((row) => row.id));
}
