import type { Command } from "../command";

/**
 * A command as `selfmanage --help` lists it: its name and one-line summary, and `load()` for
 * the rest. A command's module (and the packages it uses) is imported only when that command
 * runs or shows its own help, so that `selfmanage --help` starts as fast as Node itself.
 *
 * @example
 * ```ts
 * const hello: CommandEntry = { name: "hello", summary: "Say hello.", load: async () => helloCommand };
 * ```
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/**
 * Every `selfmanage` command, in the order `--help` lists them. Each summary is the loaded
 * command's own (a test checks they agree).
 *
 * @example
 * ```ts
 * const validate = await commands.find((entry) => entry.name === "validate")?.load();
 * ```
 */
export const commands: readonly CommandEntry[] = [
  { name: "validate", summary: "Check records against the toolkit's schemas and rules.", load: async () => (await import("./validate")).validateCommand },
  { name: "score", summary: "Score questionnaire responses against an instrument definition.", load: async () => (await import("./score")).scoreCommand },
  { name: "outcomes", summary: "Judge episodes of care from paired first and last scores, and summarise them by service and period.", load: async () => (await import("./outcomes")).outcomesCommand },
  { name: "search", summary: "Find services in a directory by need, place, opening time, age and more.", load: async () => (await import("./search")).searchCommand },
  { name: "import", summary: "Convert an Open Referral UK 3.0 or ALISS v4 feed into a toolkit Directory.", load: async () => (await import("./interop")).importCommand },
  { name: "export", summary: "Convert a toolkit Directory into Open Referral UK 3.0 services.", load: async () => (await import("./interop")).exportCommand },
  { name: "schema", summary: "Print the JSON Schema (draft 2020-12) of a kind.", load: async () => (await import("./schema")).schemaCommand },
  { name: "report", summary: "Write a self-contained, accessible HTML report with charts and data tables.", load: async () => (await import("./report")).reportCommand },
  { name: "demo", summary: "Validate, score, search and report over the bundled sample data.", load: async () => (await import("./demo")).demoCommand },
];
