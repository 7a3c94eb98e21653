import path from 'path';
import { CatchupError } from '../errors';

/** One `-T OLDDIR=NEWDIR` pair: a source tablespace location and where the target keeps it. */
export interface TablespaceMapping {
  oldDir: string;
  newDir: string;
}

/** A tablespace of the source: its pg_tblspc/<oid> entry and pg_tablespace_location(). */
export interface SourceTablespace {
  oid: number;
  /** Absolute on the source host; relative (pg_tblspc/<oid>) for an in-place tablespace. */
  location: string;
}

/** Where a source tablespace lives on the target, and why there. */
export interface TablespacePlacement {
  oid: number;
  linkPath: string;
  sourceLocation: string;
  /** Absolute directory on the target host; for an in-place tablespace, the directory inside PGDATA. */
  targetLocation: string;
  /** 'in-place': same path as on the source; 'mapped': -T; 'existing': the target's current link; 'inside-pgdata': allow_in_place_tablespaces. */
  placement: 'in-place' | 'mapped' | 'existing' | 'inside-pgdata';
}

const usage = (problem: string, fix: string) => new CatchupError('bad-tablespace-mapping', problem, fix);

/**
 * Parses -T values: each holds one or more OLDDIR=NEWDIR pairs separated by ':' (pg_probackup's
 * syntax); the flag may also be repeated (pg_basebackup's). `\=` and `\:` escape those characters.
 */
export function parseTablespaceMappings(values: readonly string[]): TablespaceMapping[] {
  const out: TablespaceMapping[] = [];
  for (const value of values) {
    for (const pair of splitUnescaped(value, ':')) {
      const parts = splitUnescaped(pair, '=');
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
        throw usage(`The tablespace mapping "${pair}" is not of the form OLDDIR=NEWDIR.`,
          'Write -T /old/location=/new/location; separate several pairs with ":" or repeat -T.');
      }
      const [oldDir, newDir] = parts.map(unescape);
      for (const dir of [oldDir, newDir]) {
        if (!path.isAbsolute(dir)) {
          throw usage(`The tablespace mapping "${pair}" has a relative directory "${dir}".`, 'Both sides of a tablespace mapping must be absolute paths.');
        }
      }
      const norm = { oldDir: path.resolve(oldDir), newDir: path.resolve(newDir) };
      const clash = out.find((m) => m.oldDir === norm.oldDir);
      if (clash && clash.newDir !== norm.newDir) {
        throw usage(`The tablespace location ${norm.oldDir} is mapped twice (to ${clash.newDir} and ${norm.newDir}).`, 'Give one mapping per source location.');
      }
      if (!clash) out.push(norm);
    }
  }
  return out;
}

function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i] + text[i + 1];
      i++;
    } else if (text[i] === sep) {
      parts.push(current);
      current = '';
    } else {
      current += text[i];
    }
  }
  parts.push(current);
  return parts;
}

const unescape = (s: string) => s.replace(/\\([=:\\])/g, '$1');

const isInside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent.endsWith('/') ? parent : `${parent}/`);

/**
 * Decides where each source tablespace goes on the target (pure). An existing target link wins
 * unless -T says otherwise, so a DELTA keeps the placement an earlier FULL chose; a new
 * tablespace goes where -T maps it, else to the source's own path (pg_basebackup's default).
 * Throws when a mapping names no source tablespace, two tablespaces would share a directory,
 * or a location lies inside the target PGDATA.
 */
export function placeTablespaces(
  source: readonly SourceTablespace[],
  mappings: readonly TablespaceMapping[],
  targetDir: string,
  existingLinks: ReadonlyMap<number, string> = new Map(),
): TablespacePlacement[] {
  const pgdata = path.resolve(targetDir);
  for (const m of mappings) {
    if (!source.some((t) => path.isAbsolute(t.location) && path.resolve(t.location) === m.oldDir)) {
      const known = source.filter((t) => path.isAbsolute(t.location)).map((t) => t.location);
      throw usage(`The tablespace mapping names ${m.oldDir}, but the source has no tablespace there${known.length ? ` (its tablespaces: ${known.join(', ')})` : ' (it has no tablespaces)'}.`,
        'Check the OLDDIR side of -T against SELECT spcname, pg_tablespace_location(oid) FROM pg_tablespace on the source.');
    }
  }
  const placements = source.map((t): TablespacePlacement => {
    const linkPath = `pg_tblspc/${t.oid}`;
    if (!path.isAbsolute(t.location)) {
      return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.join(pgdata, linkPath), placement: 'inside-pgdata' };
    }
    const mapped = mappings.find((m) => m.oldDir === path.resolve(t.location));
    const existing = existingLinks.get(t.oid);
    if (existing !== undefined && mapped && path.resolve(existing) !== mapped.newDir) {
      throw usage(`The target's tablespace ${t.oid} is at ${existing}, but -T maps it to ${mapped.newDir}.`,
        `pg-catchup does not move an existing tablespace: drop that -T pair to keep ${existing}, or move the directory and its ${linkPath} link yourself first.`);
    }
    if (mapped) return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: mapped.newDir, placement: 'mapped' };
    if (existing !== undefined) return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.resolve(existing), placement: 'existing' };
    return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.resolve(t.location), placement: 'in-place' };
  });
  for (const p of placements) {
    if (p.placement === 'inside-pgdata') continue;
    if (isInside(p.targetLocation, pgdata)) {
      throw usage(`Tablespace ${p.oid} would be placed at ${p.targetLocation}, inside the target data directory ${pgdata}.`,
        `Map it elsewhere with -T ${p.sourceLocation}=/some/dir/outside/PGDATA.`);
    }
    if (isInside(pgdata, p.targetLocation)) {
      throw usage(`Tablespace ${p.oid} would be placed at ${p.targetLocation}, which contains the target data directory ${pgdata}.`,
        `Map it to a directory of its own with -T ${p.sourceLocation}=/some/other/dir.`);
    }
    const other = placements.find((q) => q !== p && q.placement !== 'inside-pgdata' && (isInside(q.targetLocation, p.targetLocation) || isInside(p.targetLocation, q.targetLocation)));
    if (other) {
      throw usage(`Tablespaces ${p.oid} and ${other.oid} would share the directory ${p.targetLocation} on the target.`,
        'Map each tablespace to its own directory with -T.');
    }
  }
  return placements;
}
