import fs from 'fs';
import path from 'path';

/**
 * The target's real path, resolved once at the start (a target that is a symlink, or lies under
 * one): every later step then works on the same directory even if the link is changed during
 * the run, and the log says where the data really goes. A target that does not exist yet (FULL)
 * is resolved through its nearest existing parent.
 */
export function resolveTargetDir(given: string): { dir: string; note: string | null } {
  const abs = path.resolve(given);
  const real = realPathOf(abs);
  return { dir: real, note: real === abs ? null : `the target ${abs} resolves to ${real} (through a symbolic link): working there` };
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let dir = abs; ; dir = path.dirname(dir)) {
    try {
      return path.join(fs.realpathSync(dir), ...rest.reverse());
    } catch {
      if (dir === path.dirname(dir)) return abs;
      rest.push(path.basename(dir));
    }
  }
}

/** Whether `child` lies strictly below `parent` (both absolute, resolved the same way). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
