/**
 * Regenerate packages/cli/sample-data/ (run: npx tsx scripts/make-sample-data.ts).
 * A test checks the committed files equal a fresh generation, so run this after changing
 * sample-data.ts or the packages it draws on.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sampleFiles } from "./sample-data";

const folder = fileURLToPath(new URL("../sample-data/", import.meta.url));
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(sampleFiles())) {
  writeFileSync(`${folder}${name}`, text);
  console.log(`${name}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} kB`);
}
