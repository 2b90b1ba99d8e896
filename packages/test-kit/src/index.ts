export { checkSchemaProperties } from "./properties";
export type { SchemaPropertyOptions } from "./properties";
export { checkJsonSchemaSnapshots, toPublishedJsonSchema, createAjv } from "./json-schema";
export { readmeExamples } from "./readme";
export { seededRandom } from "./random";
