import * as core from '@actions/core';
import { assertDecompressible, parseConninfo, parseCompressSpec, parseMaxRate } from '../engine';
import type { CompressSpec, RequestedMode, SourceConnectionOptions, SyncMethod } from '../engine';

export type ActionCommand = 'catchup' | 'preflight' | 'rewind';
export type VerifyMode = 'none' | 'start' | 'streaming';

/** The action's inputs, validated once; nothing else calls core.getInput. */
export interface ActionInputs {
  command: ActionCommand;
  mode: RequestedMode;
  targetPgdata: string;
  /** A stopped data directory on this runner as the source (--source-pgdata). */
  sourcePgdata?: string;
  /** source, host or the environment names a server (with source-pgdata: only the one -R follows). */
  sourceNamed: boolean;
  source: SourceConnectionOptions;
  threads: number;
  writeRecoveryConf: boolean;
  /** Put the password input into primary_conninfo (the PGDATA owner may have no ~/.pgpass). */
  storePassword: boolean;
  dryRun: boolean;
  noSync: boolean;
  restoreTargetWal: boolean;
  /** The source's archive as a restore_command, for the history proof (docs/safety.md). */
  sourceRestoreCommand?: string;
  keepDiscardedWal?: string;
  /** max-rate, in bytes per second. */
  maxRateBytesPerSecond?: number;
  /** compress: FULL's transfer (auto by default). */
  compress: CompressSpec;
  syncMethod: SyncMethod;
  stopTarget: boolean;
  startTarget: boolean;
  pgBinDir?: string;
  verify: VerifyMode;
  verifyTimeoutSeconds: number;
  reportName: string;
  failOnWarning: boolean;
  /** -T values (one per line; a line may hold several old=new pairs separated by ':'). */
  tablespaceMapping: string[];
  /** --exclude-path values, one per line. */
  excludePaths: string[];
  /** pg_probackup's -s: `pro` has no pgpro_bindump here, so BASE is used (with a notice). */
  backupSourceNotice?: string;
}

export class InputError extends Error {}

function maxRate(): number | undefined {
  const raw = core.getInput('max-rate').trim();
  if (raw === '') return undefined;
  try {
    return parseMaxRate(raw);
  } catch (err) {
    throw new InputError(`Input max-rate: ${(err as Error).message}.`);
  }
}

function compress(): CompressSpec {
  try {
    const spec = parseCompressSpec(core.getInput('compress'));
    assertDecompressible(spec);
    return spec;
  } catch (err) {
    throw new InputError(`Input compress: ${(err as Error).message}${(err as { fix?: string }).fix ? ` ${(err as { fix?: string }).fix}` : ''}`);
  }
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!hit) throw new InputError(`Input ${name}: "${raw}" is not one of ${allowed.join(', ')}.`);
  return hit;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(raw)) return true;
  if (['false', 'no', 'off', '0'].includes(raw)) return false;
  throw new InputError(`Input ${name}: "${raw}" is not a boolean (true or false).`);
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new InputError(`Input ${name}: must be a whole number from ${min} to ${max}, not "${raw}".`);
  return Number(raw);
}

export function readInputs(): ActionInputs {
  const { password, sourceText } = maskPasswords();
  const host = core.getInput('host').trim();
  const sourcePgdata = core.getInput('source-pgdata').trim() || undefined;
  if (!sourcePgdata && !sourceText && !host && !process.env.PGHOST && !process.env.PGHOSTADDR && !process.env.PGSERVICE) {
    throw new InputError('Input source (a conninfo string, postgresql:// URI or service=NAME), host or source-pgdata is required (or PGHOST/PGSERVICE in the environment): say where the primary is.');
  }
  const targetPgdata = core.getInput('target-pgdata').trim();
  if (!targetPgdata) throw new InputError('Input target-pgdata is required: the data directory on this runner.');

  const backupSource = choice('backup-source', ['base', 'pro'] as const, 'base');
  const command = choice('command', ['catchup', 'preflight', 'rewind'] as const, 'catchup');
  const mode = choice('mode', ['FULL', 'DELTA', 'PTRACK', 'AUTO'] as const, 'AUTO');
  const verify = choice('verify', ['none', 'start', 'streaming'] as const, 'none');
  const startTarget = bool('start-target', false) || verify !== 'none';
  const inputs: ActionInputs = {
    command, mode, targetPgdata, sourcePgdata,
    sourceNamed: Boolean(sourceText || host || process.env.PGHOST || process.env.PGHOSTADDR || process.env.PGSERVICE),
    source: {
      dbname: sourceText || core.getInput('dbname').trim() || undefined,
      host: host || undefined,
      port: core.getInput('port').trim() || undefined,
      user: core.getInput('user').trim() || undefined,
      password: password || undefined,
    },
    threads: integer('threads', 1, 1, 64),
    writeRecoveryConf: bool('write-recovery-conf', true),
    storePassword: bool('store-password', false),
    dryRun: bool('dry-run', false),
    noSync: bool('no-sync', false),
    restoreTargetWal: bool('restore-target-wal', false),
    sourceRestoreCommand: core.getInput('source-restore-command').trim() || undefined,
    keepDiscardedWal: core.getInput('keep-discarded-wal').trim() || undefined,
    maxRateBytesPerSecond: maxRate(),
    compress: compress(),
    syncMethod: choice('sync-method', ['fsync', 'syncfs'] as const, 'fsync'),
    stopTarget: bool('stop-target', false),
    startTarget,
    pgBinDir: core.getInput('pg-bin-dir').trim() || undefined,
    verify,
    verifyTimeoutSeconds: integer('verify-timeout', 120, 1, 3600),
    reportName: core.getInput('report-name').trim() || 'pg-catchup-report',
    failOnWarning: bool('fail-on-warning', false),
    tablespaceMapping: core.getMultilineInput('tablespace-mapping').map((l) => l.trim()).filter((l) => l !== ''),
    excludePaths: core.getMultilineInput('exclude-path').map((l) => l.trim()).filter((l) => l !== ''),
  };
  if (backupSource === 'pro') inputs.backupSourceNotice = 'backup-source: pro needs pgpro_bindump, which is not available: using BASE (SQL and replication protocol); DELTA works as usual';
  checkCombinations(inputs);
  return inputs;
}

/** Masks every password before anything can log it: the input, and one inside a conninfo/URI. */
function maskPasswords(): { password: string; sourceText: string } {
  const password = core.getInput('password');
  if (password) core.setSecret(password);
  const sourceText = core.getInput('source').trim();
  if (sourceText) {
    let inner: Record<string, string>;
    try {
      inner = parseConninfo(sourceText);
    } catch (err) {
      throw new InputError(`Input source: ${(err as Error).message}`);
    }
    for (const secret of [inner.password, inner.sslpassword]) if (secret) core.setSecret(secret);
  }
  return { password, sourceText };
}

/** Inputs that each make sense but not together. */
function checkCombinations(inputs: ActionInputs): void {
  if (inputs.startTarget && !inputs.writeRecoveryConf && inputs.command !== 'preflight') {
    throw new InputError('Input start-target/verify needs write-recovery-conf: true, or the target would start as a primary.');
  }
  if (inputs.dryRun && (inputs.startTarget || inputs.stopTarget)) throw new InputError('Input dry-run changes nothing: it cannot go with stop-target, start-target or verify.');
}
