import fs from 'fs';
import { isDirectory } from '../pgdata/target-listing';
import type { TablespacePlacement } from '../plan/tablespace-mapping';
import type { CheckResult } from './check';

/**
 * Where the source's tablespaces go on the target, and whether each place is usable: a new
 * tablespace needs an absent or empty directory (PostgreSQL's own rule for CREATE TABLESPACE),
 * one the target already has must still be there.
 */
export function checkTablespaceLocations(placements: readonly TablespacePlacement[], existingLinks: ReadonlyMap<number, string>): CheckResult {
  const base = { id: 'tablespace-locations', title: 'Tablespace directories on the target' };
  if (placements.length === 0) return { ...base, status: 'pass', detail: 'the source has no tablespaces' };
  const lines: string[] = [];
  for (const p of placements) {
    if (p.placement === 'inside-pgdata') {
      lines.push(`${p.oid}: in place inside PGDATA (${p.sourceLocation})`);
      continue;
    }
    if (existingLinks.has(p.oid)) {
      if (!isDirectory(p.targetLocation)) {
        return { ...base, status: 'fail', detail: `the target's tablespace ${p.oid} links to ${p.targetLocation}, which is not a directory`,
          fix: `Restore that directory, or rebuild the target with -b FULL.` };
      }
    } else {
      const contents = directoryContents(p.targetLocation);
      if (contents === 'not-a-directory') {
        return { ...base, status: 'fail', detail: `tablespace ${p.oid} (${p.sourceLocation} on the source) would go to ${p.targetLocation}, which exists and is not a directory`,
          fix: `Map it elsewhere with -T ${p.sourceLocation}=/new/dir.` };
      }
      if (contents.length > 0) {
        const shown = contents.slice(0, 3).join(', ') + (contents.length > 3 ? ', ...' : '');
        return { ...base, status: 'fail', detail: `tablespace ${p.oid} (${p.sourceLocation} on the source) would go to ${p.targetLocation}, which is not empty (${shown})` +
          (p.placement === 'in-place' ? '; on the source host itself that is the source\'s own tablespace' : ''),
          fix: `Give the target its own directory with -T ${p.sourceLocation}=/new/empty/dir (or empty ${p.targetLocation} if it is stale).` };
      }
    }
    lines.push(`${p.oid}: ${p.sourceLocation} -> ${p.targetLocation} (${p.placement})`);
  }
  return { ...base, status: 'pass', detail: lines.join('; ') };
}

function directoryContents(p: string): string[] | 'not-a-directory' {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return [];
  }
  return st.isDirectory() ? fs.readdirSync(p) : 'not-a-directory';
}
