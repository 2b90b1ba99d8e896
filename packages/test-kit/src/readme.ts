import { readFileSync } from "node:fs";
import ts from "typescript";
import { vi } from "vitest";

/**
 * Run a package README's ```ts examples against the package's source, so a test can check
 * what each example prints. Imports from `@selfmanage/*` are replaced by the given scope.
 */
export function readmeExamples(readmeUrl: URL, scope: Record<string, unknown>): {
  blocks: string[];
  run: (index: number) => Promise<unknown[][]>;
} {
  const readme = readFileSync(readmeUrl, "utf8");
  const blocks = [...readme.matchAll(/```ts[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1] as string);
  const names = Object.keys(scope);
  const run = async (index: number): Promise<unknown[][]> => {
    const block = blocks[index];
    if (block === undefined) throw new Error(`The README has no example ${index + 1}.`);
    const body = block.replace(/^import [\s\S]*? from "@selfmanage\/[a-z-]+";$/gm, "");
    const javascript = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
      logged.push(values);
    });
    try {
      const example = new Function(...names, `return (async () => {\n${javascript}\n})();`) as (...values: unknown[]) => Promise<void>;
      await example(...names.map((name) => scope[name]));
    } finally {
      spy.mockRestore();
    }
    return logged;
  };
  return { blocks, run };
}
