// Builds the workbench into docs-site/workbench/ (run by the root `docs:build`, after TypeDoc):
// the worker is bundled first and handed to the page's bundle as text, so the page starts it
// from a blob and works from any folder, with or without a server. Everything is bundled from
// the packages' own browser builds (their dist/), so the page checks files exactly as they do.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = fileURLToPath(new URL("../docs-site/workbench/", import.meta.url));
mkdirSync(out, { recursive: true });

const common = { bundle: true, platform: "browser", format: "iife", target: "es2022", minify: true, legalComments: "none", logLevel: "warning", write: false };
const worker = await build({ ...common, entryPoints: [`${here}src/worker.ts`] });
const page = await build({ ...common, entryPoints: [`${here}src/main.ts`], define: { WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) } });
writeFileSync(`${out}workbench.js`, page.outputFiles[0].contents);
copyFileSync(`${here}page.html`, `${out}index.html`);
copyFileSync(`${here}workbench.css`, `${out}workbench.css`);
console.log(`Workbench written to docs-site/workbench/ (${Math.round(page.outputFiles[0].contents.length / 1024)} kB of script, worker included).`);
