// Validates bodies against Bandwidth's official OpenAPI (sandbox/bandwidth/messaging-openapi.yml,
// a verbatim copy of the reference spec) with Ajv. Used by the sandbox's tests and the app's.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { load as loadYaml } from "js-yaml";

export const SPEC_PATH = path.join(import.meta.dirname, "..", "bandwidth", "messaging-openapi.yml");

type Json = Record<string, unknown>;
const spec = loadYaml(readFileSync(SPEC_PATH, "utf8")) as Json;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat("binary", true);
ajv.addFormat("double", true);
ajv.addSchema(spec, "spec");

const cache = new Map<string, ValidateFunction>();

function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>((value, key) => (value as Json)[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec) as Json;
  }
  return current;
}

// Local refs ("#/components/…") point into the spec once the schema is compiled on its own.
function anchored(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchored);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string" && value.startsWith("#") ? `spec${value}` : anchored(value),
      ]),
    );
  }
  return schema;
}

function compile(key: string, schema: unknown): ValidateFunction {
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(anchored(schema) as Json);
    cache.set(key, validate);
  }
  return validate;
}

function explain(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`);
}

/** Problems with `body` as the response `status` of `method path` (a path as the spec writes it), or []. */
export function responseProblems(pathTemplate: string, method: string, status: number, body: unknown): string[] {
  const operation = (spec.paths as Json)[pathTemplate] as Json | undefined;
  const responses = (operation?.[method.toLowerCase()] as Json | undefined)?.responses as Json | undefined;
  const response = responses?.[String(status)];
  if (!response) return [`the spec defines no ${status} response for ${method} ${pathTemplate}`];
  const schema = ((resolve(response).content as Json | undefined)?.["application/json"] as Json | undefined)?.schema;
  if (!schema) return body === undefined || body === "" ? [] : [`the spec defines no JSON body for ${status}`];
  const validate = compile(`${method} ${pathTemplate} ${status}`, schema);
  return validate(body) ? [] : explain(validate);
}

/** Problems with `body` as one of the spec's components/schemas (e.g. "callback"), or []. */
export function schemaProblems(name: string, body: unknown): string[] {
  const validate = compile(`#${name}`, { $ref: `#/components/schemas/${name}` });
  return validate(body) ? [] : explain(validate);
}

/** The spec's security schemes (components/securitySchemes): Basic and OAuth2's client credentials flow. */
export function securitySchemes(): Record<string, Json> {
  return (spec.components as Json).securitySchemes as Record<string, Json>;
}

/** The spec's named examples (components/examples), e.g. for ingestion tests. */
export function specExamples(): Record<string, { summary?: string; value: unknown }> {
  return (spec.components as Json).examples as Record<string, { summary?: string; value: unknown }>;
}
