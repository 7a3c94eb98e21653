import fs from 'fs';
import path from 'path';
import type { Client } from 'pg';
import { isInside, realPathOf } from '../pgdata/target-path';
import type { CheckResult } from './check';

/** Where the source keeps its data, as the source itself reports it. */
export interface SourcePlacement {
  /** The source's postmaster.pid, read through the connection (null if it has none). */
  postmasterPid: string | null;
  /** Tablespace directories outside the data directory. */
  tablespaces: string[];
}

export async function readSourcePlacement(client: Client): Promise<SourcePlacement> {
  // postmaster.pid names the data directory (line 2) and needs only pg_read_binary_file, which
  // the copy needs anyway; data_directory would need pg_read_all_settings.
  const res = await client.query<{ pid: Buffer | null; spc: string[] | null }>(
    `SELECT pg_read_binary_file('postmaster.pid', 0, 4096, true) AS pid,
            (SELECT array_agg(pg_tablespace_location(oid)) FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')) AS spc`,
  );
  const row = res.rows[0];
  return { postmasterPid: row.pid ? row.pid.toString('utf8') : null, tablespaces: (row.spc ?? []).filter((s) => s !== '') };
}

/**
 * Refuses a target that is the source's own data directory, lies inside it (or inside one of its
 * tablespaces), or contains it: a copy into itself, or a DELTA that deletes "files only on the
 * target" that are the source's. The source is on this host when the postmaster.pid at the data
 * directory it names is, here, the very file it reported (same PID, start time and port); on
 * another host the same path is someone else's directory and nothing is refused.
 */
export function checkTargetNotSource(targetDir: string, source: SourcePlacement): CheckResult {
  const base = { id: 'target-not-source', title: "Target is not the source's own data directory" };
  const dataDir = source.postmasterPid?.split('\n')[1]?.trim();
  if (!dataDir) return { ...base, status: 'pass', detail: "the source's postmaster.pid does not name its data directory (a server not on this host's layout)" };
  if (!sameServerFile(path.join(dataDir, 'postmaster.pid'), source.postmasterPid!)) {
    return { ...base, status: 'pass', detail: `the source runs on another host (its data directory ${dataDir} holds no matching postmaster.pid here)` };
  }
  return checkTargetApart(targetDir, dataDir, source.tablespaces);
}

/** The target is neither the source's data directory or one of its tablespaces, nor inside or around one (both on this host). */
export function checkTargetApart(targetDir: string, dataDir: string, tablespaces: string[]): CheckResult {
  const base = { id: 'target-not-source', title: "Target is not the source's own data directory" };
  const target = realPathOf(targetDir);
  for (const [what, dir] of [["data directory", dataDir], ...tablespaces.map((t) => ['tablespace', t] as [string, string])] as Array<[string, string]>) {
    const real = realPathOf(dir);
    const relation = target === real ? 'is' : isInside(target, real) ? 'is inside' : isInside(real, target) ? 'contains' : null;
    if (relation) {
      return {
        ...base, status: 'fail',
        detail: `the target ${targetDir}${target !== targetDir ? ` (${target})` : ''} ${relation} the source's own ${what} ${real}, on this host`,
        fix: "Point the target at a separate directory outside the source's data directory and tablespaces (a standby needs its own copy).",
      };
    }
  }
  return { ...base, status: 'pass', detail: `the source's data directory ${dataDir} is on this host, apart from the target` };
}

/** The same PID, data directory, start time and port: the file the source reported is this one. */
function sameServerFile(localPidFile: string, reported: string): boolean {
  let local: string;
  try {
    local = fs.readFileSync(localPidFile, 'utf8');
  } catch {
    return false;
  }
  const firstLines = (s: string) => s.split('\n').slice(0, 4).join('\n');
  return firstLines(local) === firstLines(reported);
}
