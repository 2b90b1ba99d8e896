export { checkSchemaProperties } from "./properties";
export type { SchemaPropertyOptions } from "./properties";
export { checkJsonSchemaSnapshots, toPublishedJsonSchema, createAjv } from "./json-schema";
export { describePublicSchemas } from "./public-schemas";
export type { PublicSchemaSuite } from "./public-schemas";
export { readmeExamples } from "./readme";
export { seededRandom } from "./random";
