/**
 * The real external data in ../shared/standards (read in place, never copied): Open Referral UK 3.0
 * examples and validator fixtures, HSDS 3.0/3.1 examples, the validator's Warn feed, the DfE Family
 * Hubs fixture, two councils' ORUK v1 feeds and ALISS's documented responses and lists.
 * Licences and sources: ../shared/standards/interop/SOURCES.md.
 */
/* eslint-disable no-restricted-imports -- a test helper, never shipped: it reads the shared standards from disk in Node. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAjv } from "@selfmanage/test-kit";

export const standardsRoot = fileURLToPath(new URL("../../../../shared/standards/", import.meta.url));

export function readStandard(relative: string): unknown {
  return JSON.parse(readFileSync(join(standardsRoot, relative), "utf8")) as unknown;
}

/** Folders of ORUK / HSDS feeds, each file one response. */
export const orukFolders = [
  "oruk-3.0/examples",
  "oruk-3.0/validator-fixtures/V3.0-UK-Default",
  "oruk-3.0/validator-fixtures/V3.0-UK-Test",
  "oruk-3.0/validator-fixtures/V3.0-UK-Fail",
  "interop/oruk-validator-warn",
  "interop/hsds-3.0/examples",
  "interop/hsds-3.1/examples",
  "interop/dfe-fh-services",
  "interop/oruk-v1-councils",
];

export const orukFiles: string[] = orukFolders.flatMap((folder) =>
  readdirSync(join(standardsRoot, folder))
    .filter((file) => file.endsWith(".json"))
    .map((file) => `${folder}/${file}`),
);

/** The records of a parsed feed: the contents of a page, a bare list, or the one record. */
export function recordsOf(feed: unknown): unknown[] {
  if (Array.isArray(feed)) return feed;
  const page = feed as { contents?: unknown; content?: unknown };
  if (Array.isArray(page.contents)) return page.contents;
  if (Array.isArray(page.content)) return page.content;
  return [feed];
}

/** A validator for one of the real JSON Schemas (2020-12, extra keywords such as `constraints` ignored). */
export function compileStandardSchema(relative: string): ReturnType<ReturnType<typeof createAjv>["compile"]> {
  const schema = readStandard(relative) as Record<string, unknown>;
  delete schema.$schema;
  return createAjv().compile(schema);
}

export const serviceSchemas = {
  "ORUK 3.0": "oruk-3.0/schema/compiled/service.json",
  "HSDS 3.0": "interop/hsds-3.0/schema/compiled/service.json",
  "HSDS 3.1": "interop/hsds-3.1/schema/compiled/service.json",
} as const;
