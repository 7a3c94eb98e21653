import path from 'path';
import { CatchupError } from '../errors';
import { OWN_FILES } from '../pgdata/catchup-marker';

/**
 * Top-level PGDATA entries that hold the cluster's state: a target that kept its own copy
 * of any of them while taking the rest from the source would start inconsistent.
 */
const CLUSTER_STATE = [
  'PG_VERSION', 'base', 'global', 'pg_wal', 'pg_xact', 'pg_multixact', 'pg_commit_ts', 'pg_subtrans',
  'pg_tblspc', 'pg_twophase', 'pg_logical', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_notify',
  'pg_dynshmem', 'pg_stat', 'pg_stat_tmp', 'backup_label', 'tablespace_map', 'postmaster.pid', 'postmaster.opts',
];

/**
 * --exclude-path values as paths relative to PGDATA ('/' separated). Each must lie inside
 * PGDATA and outside the cluster's state; relative values are taken relative to PGDATA.
 */
export function normalizeExcludePaths(values: readonly string[], targetDir: string): string[] {
  const root = path.resolve(targetDir);
  const out: string[] = [];
  for (const value of values) {
    const abs = path.resolve(root, value);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) {
      throw new CatchupError('bad-exclude-path', `--exclude-path ${value} is not inside the target data directory ${root}.`,
        'Give a path inside PGDATA, relative to it (postgresql.conf) or absolute.');
    }
    const top = rel.split('/')[0];
    if (CLUSTER_STATE.includes(top) || OWN_FILES.includes(rel)) {
      throw new CatchupError('bad-exclude-path', `--exclude-path ${value} would keep the target's own ${top}, which must match the source for the cluster to start consistent.`,
        'Exclude only configuration and other files of your own (postgresql.conf, pg_hba.conf, postgresql.auto.conf, certificates, log directories).');
    }
    if (!out.includes(rel)) out.push(rel);
  }
  return out;
}

/** Whether a PGDATA-relative path is an excluded path or lies below one. */
export function isExcludedByUser(relPath: string, excluded: readonly string[]): boolean {
  return excluded.some((e) => relPath === e || relPath.startsWith(`${e}/`));
}
