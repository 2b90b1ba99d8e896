/**
 * The shared vocabulary of the Self Management Toolkit: roles, provenance, identifiers,
 * dates, localised text, ordinal scales, and validation results that never echo personal data.
 *
 * @packageDocumentation
 */
export { ValidationIssue, ok, fail, issue, prefixIssues, formatPath, formatIssue } from "./result";
export type { PathSegment, Result } from "./result";
export { issuesFromZodError, safeParseResult, unwrap } from "./parse";
export { SelfManageError, isSelfManageError } from "./errors";
export type { ErrorCode } from "./errors";
export { Identifier, PersonReference, Coding, isIdentifier } from "./ids";
export { firstInvalidUtf8 } from "./utf8";
export { findReservedKeys } from "./reserved-keys";
export { MAX_JSON_DEPTH, findJsonSyntaxError, jsonNoticeIssue, scanJson } from "./json-scan";
export type { JsonScan, JsonSyntaxError, JsonValueNotice } from "./json-scan";
export { findPersonalIdentifiers, isNhsNumber, isChiNumber } from "./personal-identifiers";
export type { PersonalIdentifierKind } from "./personal-identifiers";
export { IsoDate, IsoDateTime, toEpochMillis, toIsoDate, daysBetween, addDays, compareDates } from "./dates";
export { Role, roleLabels, Provenance } from "./roles";
export { LanguageTag, LocalisedText, isLanguageTag, localise } from "./text";
export { Exclusion, ScaleOption, OrdinalScale, scoreOption, scaleBounds, reverseScore, normaliseToPercent, agreementScale } from "./scale";
export type { ScaledAnswer } from "./scale";
