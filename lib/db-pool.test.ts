import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseUnavailable, listenedTo } from "./db-pool";

describe("the webhook's pool", () => {
  it("hears an idle connection's error instead of throwing it", () => {
    const bare = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    expect(() => bare.emit("error", new Error("terminating connection due to administrator command"))).toThrow();
    const pool = listenedTo(new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" }));
    expect(() => pool.emit("error", new Error("terminating connection due to administrator command"))).not.toThrow();
  });

  it.each([
    [new Error("timeout exceeded when trying to connect"), "database_busy"],
    [Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }), "database_timeout"],
    [new Error("Query read timeout"), "database_timeout"],
    [Object.assign(new Error("out of shared memory"), { code: "53200" }), "database_busy"],
    [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "database_unavailable"],
    [new DOMException("The operation timed out.", "TimeoutError"), "database_timeout"],
    [new DOMException("This operation was aborted", "AbortError"), "request_aborted"],
    [Object.assign(new Error(), { name: "ResponseAborted" }), "request_aborted"],
    [Object.assign(new Error("deadlock detected"), { code: "40P01" }), "database_busy"],
    [Object.assign(new Error("could not serialize access"), { code: "40001" }), "database_busy"],
    // Prisma's words for a database it cannot reach (the credential check goes through Prisma).
    [Object.assign(new Error("Can't reach database server"), { code: "P1001" }), "database_unavailable"],
    [Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }), "database_unavailable"],
    [
      Object.assign(new Error("DatabaseNotReachable"), {
        name: "DriverAdapterError",
        cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 },
      }),
      "database_unavailable",
    ],
    [
      Object.assign(new Error("wrapped"), {
        cause: Object.assign(new Error("connect refused"), { code: "ECONNREFUSED" }),
      }),
      "database_unavailable",
    ],
  ])("answers 503 with Retry-After to %s", (error, code) => {
    expect(databaseUnavailable(error)).toMatchObject({ status: 503, code, retryAfterSeconds: 5 });
  });

  it("leaves any other error alone", () => {
    expect(databaseUnavailable(new Error("a bug"))).toBeNull();
    expect(databaseUnavailable(Object.assign(new Error("unique"), { code: "23505" }))).toBeNull();
    expect(databaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBeNull();
    expect(
      databaseUnavailable(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "postgres" } })),
    ).toBeNull();
  });
});
