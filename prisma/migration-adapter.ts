/**
 * The driver adapter Prisma's CLI (migrate deploy/dev/status/reset) uses with the JavaScript
 * schema engine. Two shims work around prisma/orm#27403 on PostgreSQL; they live here and nowhere
 * else, and `prisma/migration-adapter.test.ts` fails if they stop being needed or stop working.
 *
 * 1. The engine cannot deserialize result columns of type `name` (OID 19) or `"char"` (OID 18),
 *    which the catalog queries of migrate return. pg already parsed their values as strings, so
 *    reporting them as `text` (OID 25) is exact.
 * 2. The adapter's own connectToShadowDb() passes `database` next to a connection string (which
 *    wins, so it never reaches the shadow database) and drops the database while its pool is still
 *    connected. Ours connects with discrete fields and closes the pool before DROP … WITH (FORCE).
 * 3. The adapter's executeScript() splits a migration on every `;`, which breaks any function
 *    body (`$$ … ; … $$`). Ours sends the script whole, as one simple query, as the Rust engine does.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function reportCatalogTypesAsText<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (fields) {
    for (const field of fields) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** A pg Client whose results never show the engine a `name` or `"char"` column. */
export class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads; this forwards all of them unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        last(error, error ? result : reportCatalogTypesAsText(result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pending = (super.query as any)(...args);
    return pending && typeof pending.then === "function" ? pending.then(reportCatalogTypesAsText) : pending;
  }
}

/** Connection fields of a URL, so a database name can be replaced reliably. */
export function connectionFields(connectionString: string): pg.PoolConfig {
  const url = new URL(connectionString);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(url.hostname) || url.searchParams.get("host") || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runScriptsWhole(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    // A script has no parameters, so pg sends it as one simple query (multi-statement allowed).
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

export function createMigrationAdapter(connectionString: string) {
  const fields = connectionFields(connectionString);
  const factory = new PrismaPg(new pg.Pool({ ...fields, Client: CatalogTextClient }));
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    async connect() {
      return runScriptsWhole(await connect());
    },
    async connectToShadowDb() {
      const shadowName = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(fields);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } finally {
        await admin.end();
      }
      const shadowPool = new pg.Pool({ ...fields, database: shadowName, Client: CatalogTextClient });
      const shadow = runScriptsWhole(await new PrismaPg(shadowPool).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await shadowPool.end().catch(() => undefined);
        const dropper = new pg.Client(fields);
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return shadow;
    },
  });
}
