import type fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { checkJsonSchemaSnapshots } from "./json-schema";
import { checkSchemaProperties, type SchemaPropertyOptions } from "./properties";

type Parse = NonNullable<SchemaPropertyOptions<unknown>["parse"]>;

/** What {@link describePublicSchemas} tests: a package's published schemas and how to make and read their records. */
export interface PublicSchemaSuite<Name extends string> {
  /** The published schemas, by the name of their JSON Schema file. */
  schemas: Readonly<Record<Name, z.ZodType>>;
  /** Valid records of each schema. */
  samples: Readonly<Record<Name, fc.Arbitrary<unknown> | readonly unknown[]>>;
  /** The folder of the published JSON Schema files (`schemas/`). */
  snapshots: string;
  /** The package's plain parse (`(schema) => (input) => safeParseResult(schema, input)`). */
  parse: (schema: z.ZodType) => Parse;
  /** The package's own validators, where a schema has one (they replace `parse` for it). */
  parsers?: Partial<Readonly<Record<Name, Parse>>>;
  /** zod's issues as the package's (`issuesFromZodError`): checked for schemas read with the plain parse. */
  zodIssues?: SchemaPropertyOptions<unknown>["zodIssues"];
  /** Runs per property, or per schema (default 100). */
  numRuns?: number | ((name: Name) => number);
  /** Per-test time limit in milliseconds, for slow generators. */
  timeout?: number;
  /** The package's public module: every zod schema it exports must be one of `schemas`. */
  exported?: Readonly<Record<string, unknown>>;
}

/**
 * The tests every package runs on its public schemas: the published JSON Schemas match their
 * snapshots, arbitrary input never throws, valid records round-trip unchanged (see
 * {@link checkSchemaProperties}), and, given the package's module, nothing exported goes
 * unpublished.
 */
export function describePublicSchemas<Name extends string>(suite: PublicSchemaSuite<Name>): void {
  describe("public schemas", () => {
    const exported = suite.exported;
    if (exported !== undefined) {
      it("include every schema the package exports", () => {
        const schemas = Object.values(exported).filter((value) => value instanceof z.ZodType);
        const published = new Set<unknown>(Object.values(suite.schemas));
        expect(schemas.length).toBe(Object.keys(suite.schemas).length);
        for (const schema of schemas) expect(published.has(schema)).toBe(true);
      });
    }

    it("match their published JSON Schema snapshots", () => {
      checkJsonSchemaSnapshots(suite.schemas, suite.snapshots);
    });

    for (const name of Object.keys(suite.schemas) as Name[]) {
      const schema = suite.schemas[name];
      it(`${name}: arbitrary input never throws and valid records round-trip`, { ...(suite.timeout === undefined ? {} : { timeout: suite.timeout }) }, () => {
        const own = suite.parsers?.[name];
        checkSchemaProperties(schema, {
          valid: suite.samples[name],
          parse: own ?? suite.parse(schema),
          ...(own === undefined && suite.zodIssues !== undefined ? { zodIssues: suite.zodIssues } : {}),
          numRuns: typeof suite.numRuns === "function" ? suite.numRuns(name) : (suite.numRuns ?? 100),
        });
      });
    }
  });
}
