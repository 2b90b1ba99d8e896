/**
 * The reports of the `selfmanage` command as pure functions: parsed records in, a complete
 * HTML page out, with no file or network access, so they run in a browser as well as in Node.
 * The browser workbench of the documentation site renders its reports with these functions.
 *
 * @example
 * ```ts
 * import { goalsReportFrom } from "@selfmanage/cli/reports";
 *
 * const made = goalsReportFrom(goals, { today: "2026-04-28", generatedAt: "2026-04-28T10:00:00Z" });
 * if (made.ok) document.querySelector("iframe")!.srcdoc = made.html;
 * ```
 *
 * @packageDocumentation
 */
export { coproductionReportFrom, goalsReportFrom, indicatorReportFrom } from "./build";
export type { CoproductionReportOptions, GoalsReportOptions, IndicatorReportOptions, RecordIssues, ReportBuild } from "./build";
export { renderCoproductionReport, type CoproductionReportInput } from "./coproduction";
export { checkInText, renderGoalsReport, type GoalsReportInput } from "./goals";
export { cycleName, renderIndicatorReport, type IndicatorCycle, type IndicatorReportInput } from "./indicators";
export { countBands, type BandCount } from "./scores";
export { REPORT_CONTENT_SECURITY_POLICY } from "../html";
export { csvField, csvRow } from "../csv";
