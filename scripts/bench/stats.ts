/** Small numeric and text-table helpers for the printout. */

export const min = (xs: number[]): number => Math.min(...xs);

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const mib = (bytes: number): number => bytes / 1024 / 1024;

/**
 * Left-aligned first column(s) (`textColumns`, default 1; or the indexes of every left-aligned
 * column), right-aligned numbers. Trailing spaces are cut.
 */
export function formatTable(header: string[], rows: string[][], textColumns: number | number[] = 1): string {
  const left = (i: number) => (typeof textColumns === 'number' ? i < textColumns : textColumns.includes(i));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "1.24" for a ratio, "-" when there is none. */
export const ratioText = (r: number | null | undefined): string => (r === null || r === undefined ? '-' : r.toFixed(2));

/**
 * The order of the tools in run `r`: rotated by one each run, so that every tool takes every
 * position as often as the others (with two tools, plain alternation). Reversing the list every
 * other run, as before, left the middle one of three always in the middle: right after a tool
 * that writes much (pg_rewind copying whole WAL segments), a position that cost ~0.1 s.
 */
export function runOrder<T>(tools: readonly T[], r: number): T[] {
  const k = r % Math.max(tools.length, 1);
  return [...tools.slice(k), ...tools.slice(0, k)];
}
