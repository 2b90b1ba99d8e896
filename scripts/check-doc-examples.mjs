// Documentation that runs: every ```ts block in docs/*.md and packages/*/README.md is
// type-checked against the built packages and then executed. A block whose fence says
// `ts no-run` is type-checked but not executed (for examples that would write files or need
// input the reader supplies); nothing is skipped silently.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const work = join(root, ".doc-examples");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const sources = [
  ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => join(root, "docs", name)),
  ...readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name, "README.md"))
    .filter((file) => existsSync(file)),
];

const blocks = [];
for (const source of sources) {
  const text = readFileSync(source, "utf8");
  const fence = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split("\n").length;
    const flags = match[2].trim().split(/\s+/);
    const slug = relative(root, source).replace(/[^A-Za-z0-9]+/g, "-");
    const file = join(work, `${slug}-L${line}.ts`);
    writeFileSync(file, `${match[3]}\nexport {};\n`);
    blocks.push({ source: relative(root, source), line, file, run: !flags.includes("no-run") });
  }
}

writeFileSync(
  join(work, "tsconfig.json"),
  JSON.stringify({ extends: "../tsconfig.base.json", compilerOptions: { types: ["node"], noUnusedLocals: false }, include: ["*.ts"] }, null, 2),
);
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")], { encoding: "utf8" });
if (tsc.status !== 0) {
  console.error("Documentation examples do not type-check:");
  console.error(tsc.stdout.replaceAll(`${relative(root, work)}/`, "").trim());
  process.exit(1);
}

const runner = join(work, "run.mjs");
writeFileSync(
  runner,
  `const files = ${JSON.stringify(blocks.filter((block) => block.run).map((block) => pathToFileURL(block.file).href))};
const failures = [];
const log = console.log;
console.log = () => {};
console.info = () => {};
for (const file of files) {
  try { await import(file); } catch (error) { failures.push(file + ": " + (error && error.stack || error)); }
}
console.log = log;
if (failures.length) { console.error(failures.join("\\n\\n")); process.exit(1); }
`,
);
const run = spawnSync(process.execPath, ["--import", "tsx", runner], { encoding: "utf8", cwd: work, stdio: ["ignore", "pipe", "pipe"] });
if (run.status !== 0) {
  console.error("Documentation examples failed when run:");
  console.error(run.stderr.trim());
  process.exit(1);
}
const ran = blocks.filter((block) => block.run).length;
console.log(`Documentation examples: ${blocks.length} type-checked, ${ran} run, from ${sources.length} files.`);
