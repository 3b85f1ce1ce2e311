import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { testDb } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

describe("health", () => {
  const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere");
  afterAll(async () => {
    await testDb().$disconnect();
    await unreachable.$disconnect();
  });

  it("is ok when the database answers", async () => {
    expect(await checkHealth(testDb())).toMatchObject({ status: "ok", database: "up" });
  });

  it("is unavailable when it does not", async () => {
    expect(await checkHealth(unreachable)).toMatchObject({
      status: "unavailable",
      database: "down",
      error: expect.stringMatching(/database unreachable/),
    });
  });
});
