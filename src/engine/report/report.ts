import type { CheckResult } from '../preflight/check';

/** The outcome of a run, for JSON files, job summaries and exit codes. LSNs as X/Y text. */
export interface Report {
  tool: 'pg-catchup';
  version: string;
  mode: 'FULL';
  status: 'success' | 'failed';
  error?: { code: string; message: string; fix?: string };
  source: {
    connection: string;
    serverVersion?: string;
    systemIdentifier?: string;
    timeline?: number;
  };
  target: { path: string };
  lsn: { backupStart?: string; backupStop?: string };
  checks: CheckResult[];
  files: { copied: number; skipped: number; bytesCopied: number; walSegments: number; walBytes: number };
  threads: number;
  wroteRecoveryConf: boolean;
  startedAt: string;
  durationMs: number;
}

export const TOOL_VERSION = '0.1.0';
