import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/test-database";
import { createMigrationAdapter } from "./migration-adapter";

// A catalog query like the ones `prisma migrate` runs: it returns `name` and `"char"` columns.
const CATALOG_QUERY = { sql: "SELECT relname, relkind FROM pg_class WHERE relname = 'users'", args: [], argTypes: [] };

const url = () => process.env.DATABASE_URL ?? "";

describe("Prisma migration adapter shims (prisma/orm#27403)", () => {
  afterAll(() => testDb().$disconnect());

  it("are still needed: the stock adapter cannot read name/char columns", async () => {
    // If this starts passing, Prisma fixed it: drop shim 1 from migration-adapter.ts.
    const stock = await new PrismaPg({ connectionString: url() }).connect();
    try {
      await expect(stock.queryRaw(CATALOG_QUERY)).rejects.toThrow();
    } finally {
      await stock.dispose();
    }
  });

  it("read name/char columns as text", async () => {
    const adapter = await createMigrationAdapter(url()).connect();
    try {
      const result = await adapter.queryRaw(CATALOG_QUERY);
      expect(result.rows).toEqual([["users", "r"]]);
    } finally {
      await adapter.dispose();
    }
  });

  it("run scripts with function bodies whole", async () => {
    const adapter = await createMigrationAdapter(url()).connect();
    try {
      await adapter.executeScript(`
        CREATE TEMP TABLE shim_probe (n int);
        CREATE FUNCTION pg_temp.shim_probe_fn() RETURNS int AS $$ BEGIN RETURN 42; END; $$ LANGUAGE plpgsql;
        INSERT INTO shim_probe VALUES (1);`);
    } finally {
      await adapter.dispose();
    }
  });

  it("create a shadow database and drop it on dispose", async () => {
    const factory = createMigrationAdapter(url());
    const shadow = await factory.connectToShadowDb();
    const [[name]] = (await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] })).rows as [
      [string],
    ];
    expect(name).toMatch(/^prisma_shadow_/);
    await shadow.dispose();
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      expect(rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe("the raw callback log", () => {
  it("is append-only", async () => {
    const event = await testDb().callbackEvent.create({
      data: {
        applicationId: "app",
        requestId: crypto.randomUUID(),
        position: 0,
        payload: { type: "message-delivered" },
        outcome: "applied",
      },
    });
    await expect(
      testDb().callbackEvent.update({ where: { id: event.id }, data: { outcome: "rejected" } }),
    ).rejects.toThrow(/append-only/);
    await expect(testDb().callbackEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
