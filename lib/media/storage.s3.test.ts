import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Store, type MediaStore } from "./storage";

// s3rver (a fake S3 server on the local filesystem) ships no type declarations; this is the part used here.
type S3rverOptions = {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
};
type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverInstance;

const BUCKET = "switchboard-media";
// s3rver's built-in account. Note: s3rver 3.7.1 parses SigV4 Authorization headers and checks the
// access key id, but does not verify V4 signatures, so this covers URLs, keys, headers and bodies, not signing.
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

describe("s3Store (against s3rver)", () => {
  let directory: string;
  let server: S3rverInstance | undefined;
  let endpoint: string;
  let store: MediaStore;
  const id = randomUUID();
  const original = randomBytes(4096);
  const thumbnail = randomBytes(512);

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
    server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    store = s3Store({ endpoint, bucket: BUCKET, region: "us-east-1", ...CREDENTIALS, prefix: "media/" });
  });

  afterAll(async () => {
    await server?.close();
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it("stores both variants under one storage key, the original's", async () => {
    expect(await store.put(undefined as never, id, "original", "image/png", original)).toBe(`s3:media/${id}/original`);
    expect(await store.put(undefined as never, id, "thumbnail", "image/webp", thumbnail)).toBe(
      `s3:media/${id}/original`,
    );
  });

  it("reads each variant back byte for byte", async () => {
    const media = { id, storageKey: `s3:media/${id}/original` };
    const readOriginal = await store.read(undefined as never, media, "original");
    const readThumbnail = await store.read(undefined as never, media, "thumbnail");
    expect(readOriginal && Buffer.compare(readOriginal, original)).toBe(0);
    expect(readThumbnail && Buffer.compare(readThumbnail, thumbnail)).toBe(0);
  });

  it("reads just the requested range", async () => {
    const part = await store.read(undefined as never, { id, storageKey: `s3:media/${id}/original` }, "original", {
      start: 10,
      end: 19,
    });
    expect(part).not.toBeNull();
    expect(part!.length).toBe(10);
    expect(Buffer.compare(part!, original.subarray(10, 20))).toBe(0);
  });

  it("answers null for media never stored", async () => {
    const other = randomUUID();
    expect(
      await store.read(undefined as never, { id: other, storageKey: `s3:media/${other}/original` }, "original"),
    ).toBeNull();
    expect(
      await store.read(undefined as never, { id: other, storageKey: `s3:media/${other}/original` }, "thumbnail"),
    ).toBeNull();
  });

  it("really puts the object in the bucket, with its content type", async () => {
    const client = new AwsClient({ ...CREDENTIALS, region: "us-east-1", service: "s3" });
    const response = await client.fetch(`${endpoint}/${BUCKET}/media/${id}/original`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), original)).toBe(0);

    const thumb = await client.fetch(`${endpoint}/${BUCKET}/media/${id}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    await thumb.arrayBuffer();
  });
});
