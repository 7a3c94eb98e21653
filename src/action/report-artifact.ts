import { DefaultArtifactClient, GHESNotSupportedError } from '@actions/artifact';
import fs from 'fs';
import path from 'path';

/**
 * Upload of the report file as a workflow artifact (the results-service / Twirp protocol of
 * actions/upload-artifact@v4, through @actions/artifact 5.x, the last CommonJS line).
 *
 * Best effort by design: outside GitHub Actions, or on GHES (which the v2 protocol does not
 * serve), it returns { skipped } instead of failing; a real failure rejects with a
 * ReportArtifactError whose message names the artifact and the cause. The caller turns that
 * into a warning — the run's result never depends on the upload.
 */

export interface ReportArtifactOptions {
  /** Days the artifact is kept (capped by the repository setting). Default 7. */
  retentionDays?: number;
  /** Zlib level of the artifact zip, 0-9. Default: the client's (6). */
  compressionLevel?: number;
  /** Give up after this long (the client retries with backoff for ~30 s per call). Default 180 s. */
  timeoutMs?: number;
}

export type ReportArtifactResult = { id?: number; size?: number; digest?: string } | { skipped: string };

export class ReportArtifactError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ReportArtifactError';
  }
}

export const DEFAULT_REPORT_RETENTION_DAYS = 7;
export const DEFAULT_REPORT_UPLOAD_TIMEOUT_MS = 180_000;

/** Why an upload cannot happen in this environment, or undefined when it can. */
export function artifactSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]);
  if (missing.length > 0) {
    return `not running on GitHub Actions (${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set)`;
  }
  // Same rule as the client's isGhes(): github.com, *.ghe.com and *.localhost use the results service.
  let host: string;
  try {
    host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.toUpperCase();
  } catch {
    return undefined;
  }
  if (host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')) {
    return `artifact upload is not supported on GitHub Enterprise Server (${env['GITHUB_SERVER_URL']}) by @actions/artifact v2+`;
  }
  return undefined;
}

function errorMessage(err: unknown): string {
  // not `instanceof Error`: errors from another realm (node internals under a VM sandbox) fail it
  const m = (err as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(err);
}

export async function uploadReportArtifact(
  reportPath: string,
  name: string,
  opts: ReportArtifactOptions = {},
): Promise<ReportArtifactResult> {
  const skip = artifactSkipReason();
  if (skip) return { skipped: skip };

  const fail = (what: string, cause?: unknown): ReportArtifactError =>
    new ReportArtifactError(
      `report artifact "${name}" not uploaded: ${what}${cause === undefined ? '' : `: ${errorMessage(cause)}`}`,
      cause,
    );

  const absPath = path.resolve(reportPath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(absPath);
  } catch (err) {
    throw fail(`cannot read report file ${absPath}`, err);
  }
  if (!stat.isFile()) throw fail(`${absPath} is not a regular file`);

  const timeoutMs = opts.timeoutMs ?? DEFAULT_REPORT_UPLOAD_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fail(`timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });

  try {
    const client = new DefaultArtifactClient();
    const upload = client.uploadArtifact(name, [absPath], path.dirname(absPath), {
      retentionDays: opts.retentionDays ?? DEFAULT_REPORT_RETENTION_DAYS,
      ...(opts.compressionLevel !== undefined ? { compressionLevel: opts.compressionLevel } : {}),
    });
    upload.catch(() => undefined); // a late rejection after a timeout must not go unhandled
    const res = await Promise.race([upload, timeout]);
    const out: { id?: number; size?: number; digest?: string } = {};
    if (res.id !== undefined) out.id = res.id;
    if (res.size !== undefined) out.size = res.size;
    if (res.digest !== undefined) out.digest = res.digest;
    return out;
  } catch (err) {
    if (err instanceof ReportArtifactError) throw err;
    if (err instanceof GHESNotSupportedError) return { skipped: err.message };
    throw fail('upload failed', err);
  } finally {
    clearTimeout(timer);
  }
}
