/**
 * The engine's one public entry: what the CLI, the action and library callers use. Nothing else
 * of src/engine is imported from outside it (test/unit/architecture checks that), so the folders
 * behind it can change without the adapters noticing.
 */

import { loadDelta, loadFull, loadPtrack, loadRewind } from './commands/load-mode';
import type { DeltaCatchupOptions, FullCatchupOptions, RewindOptions } from './commands/options';
import type { Report } from './report/report';

// Commands
export { catchup } from './commands/catchup';
export type { CatchupOptions } from './commands/catchup';
// Each mode is required when called (commands/load-mode.ts), not when the entry is loaded.
export const catchupFull = (opts: FullCatchupOptions): Promise<Report> => loadFull().catchupFull(opts);
export const catchupDelta = (opts: DeltaCatchupOptions): Promise<Report> => loadDelta().catchupDelta(opts);
export const catchupPtrack = (opts: DeltaCatchupOptions): Promise<Report> => loadPtrack().catchupPtrack(opts);
export const rewind = (opts: RewindOptions): Promise<Report> => loadRewind().rewind(opts);
export { runPreflight } from './commands/preflight';
export type { PreflightOptions } from './commands/preflight';
export type { RequestedMode } from './commands/auto-mode';
export type { CommonCatchupOptions, DeltaCatchupOptions, FullCatchupOptions, RewindOptions } from './commands/options';
export { assertDecompressible, parseCompressSpec } from './source/base-backup/compress-spec';
export type { CompressSpec } from './source/base-backup/compress-spec';

// What commands take and give
export type { Report } from './report/report';
export { failReport, newReport, TOOL_VERSION } from './report/report';
export { formatBytes } from './report/format-bytes';
export { describeDiscarded, userRelationsFirst } from './divergence/discarded-report';
export type { CheckResult } from './preflight/check';
export { refusalMessage } from './preflight/check';
export { grantStatements } from './preflight/privileges';
export { osUserName } from './preflight/os-user-name';
export { CatchupError, isCatchupError } from './errors';
export type { Logger } from './log';
export type { CommandRunner } from './command-runner';

// Options as users write them
export type { SourceConnectionOptions } from './source/connection-options';
export { resolveConnection } from './source/connection-options';
export { describeConnectionReport } from './source/connection/connection-report';
export { parseConninfo } from './source/conninfo';
export { parseMaxRate } from './copy/rate-limit';
export type { SyncMethod } from './copy/file-system-sync';
export { ChangeSourceError, parseChangeSources } from './changes/choice';
export type { ForcedChangeSources } from './changes/choice';

// The target's server, for the action's start and verify steps
export { startTarget, stopTarget, waitForTargetStreaming } from './pgdata/target-lifecycle';
