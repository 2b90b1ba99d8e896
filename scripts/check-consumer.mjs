// The packages as a user gets them from npm. Packs every public package, installs the tarballs
// into throwaway consumer projects outside the repository (one per end of the declared zod peer
// range), and then, in each project:
//   - type-checks the first example of every package README under moduleResolution node16 and
//     bundler (with skipLibCheck off, so the shipped declarations are checked too), and runs it;
//   - require()s every package from CommonJS and checks it exports what the ESM build exports;
//   - bundles an example for the browser with esbuild, runs it in headless Chromium and checks it
//     gives the same answer as Node;
//   - runs the installed `selfmanage demo`, and checks `selfmanage schema goal` keeps the metadata.
// Usage: node scripts/check-consumer.mjs [--zod <version>]... [--keep]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = new URL("..", import.meta.url).pathname;
const { values: options } = parseArgs({ options: { zod: { type: "string", multiple: true }, keep: { type: "boolean" } } });
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const packages = readdirSync(join(root, "packages"))
  .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(root, "packages", folder, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true)
  .sort((a, b) => a.folder.localeCompare(b.folder));

/** Runs a command; on failure prints what it said and stops the check with one line. */
function run(command, args, cwd, what) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (result.status !== 0) {
    console.error(`consumer check failed: ${what} (exit ${result.status ?? result.signal})`);
    console.error(`${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n"));
    process.exit(1);
  }
  return result.stdout;
}

/** The zod versions to test: the lowest and the highest release inside every package's peer range. */
function zodVersionsToTest() {
  if (options.zod?.length) return options.zod;
  const ranges = new Set(packages.map(({ manifest }) => manifest.peerDependencies?.zod).filter(Boolean));
  if (ranges.size !== 1) {
    console.error(`consumer check failed: the packages declare different zod peer ranges (${[...ranges].join(", ") || "none"}); declare one.`);
    process.exit(1);
  }
  const [range] = ranges;
  const listed = JSON.parse(run("npm", ["view", `zod@${range}`, "version", "--json"], root, `npm view zod@${range}`));
  const versions = (Array.isArray(listed) ? listed : [listed]).filter((version) => !version.includes("-"));
  return [...new Set([versions[0], versions.at(-1)])];
}

/** The first runnable ```ts block of a README, or undefined. */
function firstExample(readme) {
  for (const match of readme.matchAll(/^```(?:ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm)) {
    if (!match[1].includes("no-run")) return match[2];
  }
  return undefined;
}

// Each package ships the repository's licence, word for word.
const licence = readFileSync(join(root, "LICENSE"), "utf8");
for (const { folder } of packages) {
  const file = join(root, "packages", folder, "LICENSE");
  if (!existsSync(file) || readFileSync(file, "utf8") !== licence) {
    console.error(`consumer check failed: packages/${folder}/LICENSE is missing or differs from the repository's LICENSE`);
    process.exit(1);
  }
}

const packs = mkdtempSync(join(tmpdir(), "selfmanage-packs-"));
const cleanup = [packs];
try {
  for (const { folder } of packages) run("npm", ["pack", "--silent", "--pack-destination", packs], join(root, "packages", folder), `npm pack ${folder}`);
  const tarballs = readdirSync(packs).filter((name) => name.endsWith(".tgz")).map((name) => join(packs, name));
  for (const tarball of tarballs) {
    const listing = run("tar", ["tzf", tarball], packs, `list ${tarball}`).split("\n");
    for (const required of ["package/LICENSE", "package/README.md", "package/CHANGELOG.md", "package/package.json"]) {
      if (!listing.includes(required)) {
        console.error(`consumer check failed: ${tarball.split("/").pop()} has no ${required.slice("package/".length)}`);
        process.exit(1);
      }
    }
  }

  for (const zodVersion of zodVersionsToTest()) {
    const project = mkdtempSync(join(tmpdir(), "selfmanage-consumer-"));
    cleanup.push(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-exact", `zod@${zodVersion}`, ...tarballs], project, `npm install with zod@${zodVersion}`);
    const zodCopies = run("npm", ["ls", "zod", "--all", "--parseable"], project, "npm ls zod").trim().split("\n").filter(Boolean);
    if (zodCopies.length !== 1) {
      console.error(`consumer check failed: zod@${zodVersion} installs ${zodCopies.length} copies of zod; the packages must share the consumer's.`);
      process.exit(1);
    }

    // README examples, type-checked under both resolution modes and run from the node16 build.
    const examples = [];
    for (const { folder, manifest } of packages) {
      const example = firstExample(readFileSync(join(root, "packages", folder, "README.md"), "utf8"));
      if (example === undefined || folder === "cli") continue;
      writeFileSync(join(project, `readme-${folder}.ts`), `${example}\nexport {};\n`);
      examples.push({ folder, name: manifest.name });
    }
    const compilerOptions = { strict: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false, noEmitOnError: true };
    writeFileSync(join(project, "tsconfig.node16.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, module: "node16", moduleResolution: "node16", outDir: "out" }, include: ["readme-*.ts"] }));
    writeFileSync(join(project, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, module: "esnext", moduleResolution: "bundler", noEmit: true }, include: ["readme-*.ts"] }));
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], project, `README examples under moduleResolution bundler, zod@${zodVersion}`);
    run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], project, `README examples under moduleResolution node16, zod@${zodVersion}`);
    for (const { folder } of examples) run(process.execPath, [join(project, "out", `readme-${folder}.js`)], project, `run the ${folder} README example, zod@${zodVersion}`);

    // CommonJS: every package loads with require() and exports the same names as its ESM build.
    writeFileSync(
      join(project, "require.cjs"),
      `const names = ${JSON.stringify(packages.map(({ manifest }) => manifest.name))};
(async () => {
  for (const name of names) {
    const cjs = Object.keys(require(name)).sort().join(",");
    const esm = Object.keys(await import(name)).filter((key) => key !== "default" && key !== "module.exports").sort().join(",");
    if (cjs === "" || cjs !== esm) throw new Error(name + ": require() and import give different exports");
  }
  console.log("ok");
})().catch((error) => { console.error(error.message); process.exit(1); });
`,
    );
    run(process.execPath, ["require.cjs"], project, `require() every package from CommonJS, zod@${zodVersion}`);

    // The browser: one bundle, run in Node and in headless Chromium, must give the same answer.
    writeFileSync(
      join(project, "browser.ts"),
      `import { safeParseResult, Provenance } from "@selfmanage/core";
import { gasTScore, validateGoal } from "@selfmanage/goals";
import { parsePostcode } from "@selfmanage/signposting";
const goal = validateGoal({ id: "g", person: "person-1", ownWords: "Walk to the park", lifeArea: "physical-health", expressedBy: "person", lifecycleStatus: "active",
  created: { recordedBy: "practitioner-1", role: "practitioner", recordedAt: "2026-03-02T10:00:00Z" } });
const answer = {
  provenance: safeParseResult(Provenance, { recordedBy: "p", role: "practitioner", recordedAt: "2026-03-01T10:00:00Z" }).ok,
  goal: goal.ok,
  tScore: gasTScore([{ level: 1, weight: 1 }, { level: 0, weight: 2 }]),
  postcode: parsePostcode("eh11yz"),
};
(globalThis as { consumerAnswer?: unknown }).consumerAnswer = answer;
`,
    );
    const esbuild = join(root, "node_modules/esbuild/bin/esbuild");
    run(esbuild, ["browser.ts", "--bundle", "--minify", "--platform=browser", "--format=iife", "--outfile=browser.js", "--log-level=error"], project, `bundle for the browser with esbuild, zod@${zodVersion}`);
    const inNode = run(process.execPath, ["-e", `require("./browser.js"); console.log(JSON.stringify(globalThis.consumerAnswer))`], project, "run the browser bundle in Node").trim();
    writeFileSync(
      join(project, "chromium.mjs"),
      `import { chromium } from ${JSON.stringify(join(root, "node_modules/playwright-core/index.mjs"))};
import { readFileSync } from "node:fs";
const browser = await chromium.launch({ executablePath: ${JSON.stringify(chromiumPath)}, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.setContent("<!doctype html><title>consumer</title>");
  await page.addScriptTag({ content: readFileSync("browser.js", "utf8") });
  const answer = await page.evaluate(() => JSON.stringify(globalThis.consumerAnswer));
  if (errors.length) throw new Error(errors.join("; "));
  console.log(answer);
} finally { await browser.close(); }
`,
    );
    const inBrowser = run(process.execPath, ["chromium.mjs"], project, "run the browser bundle in headless Chromium").trim();
    if (inBrowser !== inNode || !inNode.includes('"provenance":true,"goal":true')) {
      console.error(`consumer check failed: the browser bundle answered ${inBrowser} in Chromium and ${inNode} in Node`);
      process.exit(1);
    }

    // The installed command: the demo, and a JSON Schema that still carries its descriptions.
    const bin = join(project, "node_modules/.bin/selfmanage");
    run(bin, ["demo", "--out-dir", join(project, "reports")], project, `the installed selfmanage demo, zod@${zodVersion}`);
    if (!existsSync(join(project, "reports")) || readdirSync(join(project, "reports")).filter((name) => name.endsWith(".html")).length === 0) {
      console.error("consumer check failed: selfmanage demo wrote no HTML reports");
      process.exit(1);
    }
    const printed = JSON.parse(run(bin, ["schema", "goal"], project, "selfmanage schema goal"));
    // Newer zod releases put a schema with an id in $defs and point the root at it.
    const schema = typeof printed.$ref === "string" ? printed.$defs?.[printed.$ref.replace("#/$defs/", "")] ?? {} : printed;
    if (typeof schema.description !== "string" || typeof schema.properties?.ownWords?.description !== "string") {
      console.error(`consumer check failed: with zod@${zodVersion} the JSON Schema of a goal has lost its descriptions`);
      process.exit(1);
    }
    console.log(`Consumer with zod@${zodVersion}: ${packages.length} tarballs installed; README examples compile (node16, bundler) and run; require() works; browser bundle agrees in Chromium; selfmanage demo ran.`);
  }
} finally {
  if (!options.keep) for (const folder of cleanup) rmSync(folder, { recursive: true, force: true });
  else console.log(`kept: ${cleanup.join(" ")}`);
}
