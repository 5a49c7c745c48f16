/** The site scanner (README, "Site scanner"): crawl, classify, draft, report, verify. */
export { scanSite, verifySite } from './scan.js';
export type { ScanOptions, VerifyResult } from './scan.js';
export { markdownReport } from './report-markdown.js';
export { htmlReport } from './report-html.js';
export type { ScanReport } from './report-model.js';
export type { ConfigDraft } from './config-draft.js';
export type { Findings, CookieFinding, HostFinding, StorageFinding, TagFinding } from './classify.js';
export type { Violation } from './verify.js';
export { findChromium, ChromiumNotFoundError } from './chromium.js';
