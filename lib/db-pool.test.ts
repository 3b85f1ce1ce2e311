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
  ])("answers 503 with Retry-After to %s", (error, code) => {
    expect(databaseUnavailable(error)).toMatchObject({ status: 503, code, retryAfterSeconds: 5 });
  });

  it("leaves any other error alone", () => {
    expect(databaseUnavailable(new Error("a bug"))).toBeNull();
    expect(databaseUnavailable(Object.assign(new Error("unique"), { code: "23505" }))).toBeNull();
  });
});
