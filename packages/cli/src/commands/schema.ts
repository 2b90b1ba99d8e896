import * as z from "zod";
import type { Command } from "../command";
import { UsageError, writeLine } from "../io";
import { findKind, kinds } from "../kinds";
import { ReportedIssue } from "../reported-issue";

/**
 * The JSON Schema the packages publish for a zod schema: draft 2020-12, describing accepted input.
 *
 * @example
 * ```ts
 * toJsonSchema(Goal); // { $schema: "https://json-schema.org/draft/2020-12/schema", ... }
 * ```
 */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

/** `selfmanage schema <kind>` */
export const schemaCommand: Command = {
  name: "schema",
  summary: "Print the JSON Schema (draft 2020-12) of a kind.",
  usage: ["schema <kind>"],
  get help() {
    return `Prints the same JSON Schema the packages publish in their schemas/ folder, generated
from the zod schema the validators use. The kind reported-issue is the shape of
validate --format json output.

Kinds with a schema: ${[...kinds.filter((kind) => kind.schema !== undefined).map((kind) => kind.kind), "reported-issue"].join(", ")}

Example:
  selfmanage schema goal > goal.schema.json`;
  },
  options: {},
  positionals: [1, 1],
  async run([name], _values, io) {
    const schema = name === "reported-issue" ? ReportedIssue : findKind(name as string).schema;
    if (schema === undefined) {
      const kind = findKind(name as string);
      throw new UsageError(`${kind.kind} is an external format with no schema of ours. ${kind.externalFormat ?? ""}`.trim());
    }
    await writeLine(io.stdout, JSON.stringify(toJsonSchema(schema), null, 2));
    return 0;
  },
};
