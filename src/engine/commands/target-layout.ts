import { CatchupError } from '../errors';
import { normalizeExcludePaths } from '../plan/exclude-paths';
import type { LayoutOptions } from '../plan/plan-full';
import { parseTablespaceMappings, placeTablespaces, TablespaceMapping } from '../plan/tablespace-mapping';
import { checkTablespaceLocations } from '../preflight/tablespace-locations';
import type { Report } from '../report/report';
import type { Source } from '../source/source';

/** -T and --exclude-path as the user gave them. */
export interface LayoutRequest {
  /** -T values: OLDDIR=NEWDIR pairs, several per value separated by ':'. */
  tablespaceMapping?: string[];
  /** --exclude-path values, relative to PGDATA or absolute inside it. */
  excludePaths?: string[];
  writeRecoveryConf?: boolean;
}

export interface ParsedLayout {
  mappings: TablespaceMapping[];
  excludePaths: string[];
}

// -R writes these; keeping the target's own copy of them and writing them are contradictory.
const RECOVERY_CONF_FILES = ['postgresql.auto.conf', 'standby.signal'];

/** Validates -T and --exclude-path before anything connects or writes. */
export function parseLayout(req: LayoutRequest, targetDir: string): ParsedLayout {
  const excludePaths = normalizeExcludePaths(req.excludePaths ?? [], targetDir);
  const clash = excludePaths.find((p) => RECOVERY_CONF_FILES.includes(p));
  if (req.writeRecoveryConf && clash) {
    throw new CatchupError('bad-exclude-path', `-R writes ${clash}, and --exclude-path ${clash} asks to keep the target's own copy untouched.`,
      `Drop -R to keep the target's recovery settings, or drop --exclude-path ${clash} to have -R write them.`);
  }
  return { mappings: parseTablespaceMappings(req.tablespaceMapping ?? []), excludePaths };
}

/**
 * Places the source's tablespaces on the target (a preflight check row says where, or why
 * not) and records the layout in the report. Runs before the first write.
 */
export async function placeLayout(parsed: ParsedLayout, source: Source, targetDir: string, existingLinks: ReadonlyMap<number, string>, report: Report): Promise<LayoutOptions> {
  const sourceTablespaces = await source.files.tablespaces();
  const tablespaces = placeTablespaces(sourceTablespaces, parsed.mappings, targetDir, existingLinks);
  report.checks.push(checkTablespaceLocations(tablespaces, existingLinks));
  report.tablespaces = tablespaces.map((t) => ({ oid: t.oid, sourceLocation: t.sourceLocation, targetLocation: t.targetLocation, placement: t.placement }));
  report.excludedPaths = parsed.excludePaths;
  return { tablespaces, excludePaths: parsed.excludePaths };
}
