import { fileURLToPath } from "node:url";

// This file sits one folder below the package root both as source (src/) and when bundled (dist/).
/** The folder of the sample data shipped with the package. */
export const sampleDataFolder: string = fileURLToPath(new URL("../sample-data/", import.meta.url));
