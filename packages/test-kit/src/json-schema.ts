import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import * as z from "zod";

/**
 * The JSON Schema published for a zod schema: draft 2020-12, describing the input a
 * caller may send.
 */
export function toPublishedJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

/**
 * Snapshot check for published JSON Schemas: each schema is generated and compared with
 * `schemas/<name>.json`. Set `UPDATE_SCHEMAS=1` (the package's `npm run schemas`) to rewrite them.
 * Every generated schema must also compile with ajv.
 */
export function checkJsonSchemaSnapshots(schemas: Record<string, z.ZodType>, directory: string): void {
  const update = process.env.UPDATE_SCHEMAS === "1";
  if (update) mkdirSync(directory, { recursive: true });
  const ajv = createAjv();
  for (const [name, schema] of Object.entries(schemas)) {
    const generated = `${JSON.stringify(toPublishedJsonSchema(schema), null, 2)}\n`;
    const file = join(directory, `${name}.json`);
    if (update) writeFileSync(file, generated);
    expect(existsSync(file), `${file} is missing: run npm run schemas in the package`).toBe(true);
    expect(readFileSync(file, "utf8"), `${name}.json is out of date: run npm run schemas in the package`).toBe(generated);
    expect(() => ajv.compile(JSON.parse(generated) as object)).not.toThrow();
  }
}

/** An ajv 2020-12 validator with formats, as a reference implementation in tests. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  formats(ajv);
  return ajv;
}
