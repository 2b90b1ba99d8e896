/**
 * The directory model: organisations, locations and services as Open Referral keeps them, linked
 * by id, and their validators.
 */
export * from "./service-terms";
export * from "./organisation";
export * from "./location";
export * from "./service";
export * from "./validate";
