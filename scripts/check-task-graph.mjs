// Checks the Turborepo task graph for the mistakes that make a gate pass by timing luck:
//   1. only a package's `build` task may run a builder or delete files (tsup, tsc without
//      --noEmit, esbuild, rollup, rimraf, rm); tests and checks use the build, never redo it;
//   2. no test file or vitest global setup starts a build;
//   3. a task that reads its own package's dist/ (publint, attw, size-limit, tests that import
//      or spawn dist/) depends on that package's `build`;
//   4. a root task that reads the packages depends on the build of every public package;
//   5. every task in `npm test` declares its outputs, and no two tasks declare the same ones.
// Prints one line per problem and exits 1 when there is any.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const turbo = JSON.parse(readFileSync(join(root, "turbo.json"), "utf8"));
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const problems = [];

const packages = readdirSync(join(root, "packages"))
  .filter((folder) => existsSync(join(root, "packages", folder, "package.json")))
  .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(root, "packages", folder, "package.json"), "utf8")) }));
const publicPackages = packages.filter(({ manifest }) => manifest.private !== true);

/** The turbo task names `npm test` runs, as written in its script. */
const testScript = rootManifest.scripts.test;
const gateTasks = [...testScript.matchAll(/turbo run ([^&|;]*?)(?: --|&&|$)/g)]
  .flatMap((match) => match[1].trim().split(/\s+/))
  .filter((name) => name !== "" && !name.startsWith("-"));
if (gateTasks.length === 0) problems.push("package.json: could not find the turbo tasks in the test script");

/** The turbo definition that applies to `task` in `packageName` (a package override wins). */
function definition(packageName, task) {
  return turbo.tasks[`${packageName}#${task}`] ?? turbo.tasks[task];
}

const BUILDER = /(?:^|[\s;&|(])(tsup|esbuild|rollup|rimraf|rm\s+-[a-z]*r|vite\s+build|tsc(?![^;&|]*--noEmit))(?=$|[\s;&|)])/;

// 1 and 3: package scripts.
for (const { folder, manifest } of packages) {
  for (const [task, command] of Object.entries(manifest.scripts ?? {})) {
    const found = BUILDER.exec(command);
    if (task !== "build" && found) {
      problems.push(`packages/${folder}: the "${task}" script runs ${found[1].trim()}; only "build" may build or delete files (use the build's output instead).`);
    }
    const readsDist = /\b(publint|attw|size-limit)\b/.test(command);
    if (readsDist && gateTasks.includes(task)) {
      const dependsOn = definition(manifest.name, task)?.dependsOn ?? [];
      if (!dependsOn.includes("build")) problems.push(`turbo.json: ${manifest.name}#${task} reads dist/ but does not depend on "build".`);
    }
  }
}

/** Every .ts file under a folder, recursively. */
function typescriptFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : typescriptFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

// 2 and 3: test files.
for (const { folder, manifest } of packages) {
  const base = join(root, "packages", folder);
  const testFiles = [...typescriptFiles(join(base, "test")), ...typescriptFiles(join(base, "src")).filter((file) => /\.test(-d)?\.ts$/.test(file))];
  let readsOwnDist = false;
  for (const file of testFiles) {
    const text = readFileSync(file, "utf8");
    if (/["'`](?:npx\s+)?(tsup|esbuild|rollup|rimraf)["'`\s]/.test(text) && /child_process/.test(text)) {
      problems.push(`${relative(root, file)}: starts a build from a test; tests must use the build task's output.`);
    }
    if (/["'`/]dist\//.test(text)) readsOwnDist = true;
  }
  const test = definition(manifest.name, "test");
  if (readsOwnDist && manifest.scripts?.test && !(test?.dependsOn ?? []).includes("build")) {
    problems.push(`turbo.json: ${manifest.name}#test reads dist/ but does not depend on "build" (add "${manifest.name}#test" with dependsOn ["build", "^build"]).`);
  }
}

// 4: root tasks that read the packages.
for (const [name, task] of Object.entries(turbo.tasks)) {
  if (!name.startsWith("//#")) continue;
  // Reading package manifests or test sources (as this check does) needs no build; anything else does.
  const readsPackages = (task.inputs ?? []).some((input) => input.startsWith("packages/") && !/package\.json$|\.test\.ts$|\/test\/\*\*$/.test(input));
  if (!readsPackages) continue;
  for (const { manifest } of publicPackages) {
    if (!(task.dependsOn ?? []).includes(`${manifest.name}#build`) && !(task.dependsOn ?? []).some((dep) => turbo.tasks[dep]?.dependsOn?.includes(`${manifest.name}#build`))) {
      problems.push(`turbo.json: ${name} reads the packages but does not depend on ${manifest.name}#build.`);
    }
  }
}

// 5: outputs declared, and not shared.
const owners = new Map();
for (const task of gateTasks) {
  const scopes = task.startsWith("//#") ? [["//", task.slice(3)]] : packages.filter(({ manifest }) => manifest.scripts?.[task]).map(({ manifest }) => [manifest.name, task]);
  for (const [packageName, taskName] of scopes) {
    const declared = packageName === "//" ? turbo.tasks[`//#${taskName}`] : definition(packageName, taskName);
    if (declared === undefined) {
      problems.push(`turbo.json: ${packageName}#${taskName} runs in npm test but has no task definition.`);
      continue;
    }
    if (!Array.isArray(declared.outputs) && declared.cache !== false) problems.push(`turbo.json: ${packageName}#${taskName} does not declare its outputs.`);
    for (const output of declared.outputs ?? []) {
      const key = `${packageName}:${output}`;
      const owner = owners.get(key);
      if (owner !== undefined && owner !== taskName) problems.push(`turbo.json: ${packageName} tasks "${owner}" and "${taskName}" both write ${output}.`);
      owners.set(key, taskName);
    }
  }
}

// 6: every task npm test names does something: a root task needs its root script (turbo skips
// a missing one without a word), and a package task needs the script in at least one package.
for (const task of gateTasks) {
  if (task.startsWith("//#")) {
    if (rootManifest.scripts?.[task.slice(3)] === undefined) problems.push(`package.json: npm test runs ${task}, but the root has no "${task.slice(3)}" script, so turbo would skip it silently.`);
  } else if (!packages.some(({ manifest }) => manifest.scripts?.[task] !== undefined)) problems.push(`package.json: npm test runs "${task}", but no package has that script.`);
}

// 7: a task's inputs must not take in what tools write beside the sources (vite and vitest caches).
for (const [name, task] of Object.entries(turbo.tasks)) {
  for (const input of task.inputs ?? []) {
    const folder = input.match(/^([^!*][^*]*)\/\*\*$/)?.[1];
    if (folder === undefined || !existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory()) continue;
    const shielded = (task.inputs ?? []).includes(`!${folder}/node_modules/**`);
    if (!shielded && existsSync(join(root, folder, "package.json")) === false && existsSync(join(root, folder, "vitest.config.ts")))
      problems.push(`turbo.json: ${name} takes in ${input}, where vitest writes its cache (node_modules/.vite): add "!${folder}/node_modules/**".`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`Task graph: ${problems.length} problem${problems.length === 1 ? "" : "s"}.`);
  process.exit(1);
}
console.log(`Task graph: ${gateTasks.length} gate tasks over ${packages.length} packages; builds only in build, reads of dist/ wait for it, outputs declared and unshared.`);
