/**
 * Signposting for the Self Management Toolkit: a directory schema aligned with Open Referral UK 3.0
 * and ALISS (organisations, services, locations, opening hours in Europe/London time, service areas
 * by GSS code), fast search by need, place, time and eligibility, import and export of Open
 * Referral UK, import of ALISS, and signposting events with consent and redaction for analytics.
 *
 * @packageDocumentation
 */
export { ServiceCategory, AccessibilityFeature, CommunityGroup, signpostingCodes, categoryLabel, detectAccessibilityFeatures } from "./codes";
export { GssAreaKind, GssCode, ServiceArea, ScottishArea, scottishAreas, gssAreaKind, enclosingAreaCodes } from "./areas";
export { parsePostcode, normalisePostcode, locatePostcode } from "./postcode";
export type { ParsedPostcode, PostcodePrecision } from "./postcode";
export {
  Weekday,
  OpeningPeriod,
  WeeklyOpening,
  ExceptionReason,
  ScheduleException,
  OpeningHours,
  Schedule,
  toLondonTime,
  isOpenAt,
  isOpenAtLondonTime,
} from "./hours";
export type { LondonTime } from "./hours";
export {
  ServiceStatus,
  AccessRoute,
  AttendingType,
  Eligibility,
  CostOption,
  Cost,
  Contact,
  Organisation,
  Address,
  MaskedAddress,
  AccessibilityNote,
  Location,
  Service,
  Directory,
  validateService,
  validateOrganisation,
  validateLocation,
  validateDirectory,
} from "./directory";
export {
  SignpostingMethod,
  ConsentScope,
  ConsentRecord,
  FollowUpOutcome,
  SignpostingNeed,
  SignpostedService,
  SignpostingEvent,
  RedactedSignpostingEvent,
  validateSignpostingEvent,
  signpostingEventCodes,
  keyedPseudonym,
  redactSignpostingEvent,
} from "./events";
export type { RedactionOptions } from "./events";
export { buildSearchIndex, searchServices, distanceKm, bandedDistanceKm, searchPosition, publicLocation, SEARCH_INDEX_FORMAT, serialiseSearchIndex, loadSearchIndex } from "./search";
export type { GeoPoint, ServiceQuery, ServiceMatch, MatchReason, SearchIndex } from "./search";
export type { ImportReport, ImportProblem, ImportNotice } from "./import-report";
export { Extensions } from "./extensions";
export type { JsonValue, OrukResidue } from "./extensions";
export { importOpenReferralUk } from "./oruk/import";
export type { OrukImportOptions } from "./oruk/import";
export { exportOpenReferralUk, exportOpenReferralUkOrganisations, exportOpenReferralUkLocations, exportOpenReferralUkPage } from "./oruk/export";
export type { OrukPage, OrukPageOptions } from "./oruk/export";
export { checkPage } from "./oruk/feed";
export type { FeedFormat, FeedSummary, PageInfo, PageFinding } from "./oruk/feed";
export { orukV1Vocabulary } from "./oruk/v1";
export { createOrukImportStream, importOpenReferralUkStream } from "./oruk/stream";
export type { OrukImportBatch, OrukImportStream, OrukImportSummary } from "./oruk/stream";
export { createJsonRecordScanner } from "./json-stream";
export { checkOrukObject, orukObjectRules } from "./oruk/schema-rules";
export type { FieldRule, OrukObjectKind, ObjectFinding } from "./oruk/schema-rules";
export { checkFeedQuality, createFeedQuality, qualityChecks } from "./feed-check/quality";
export type { FeedQuality, QualityCheckId, QualityCheckResult, QualityOptions, QualityReport } from "./feed-check/quality";
export { postcodeAreas, UK_BOUNDS } from "./feed-check/postcode-areas";
export type { JsonRecordScanner, ScannedRecord, ScanEnd, ValueNotice } from "./json-stream";
export { importAlissServices } from "./aliss/import";
