/**
 * The CLI's --help text, read back into its parts: the man page is made from it, and the bash
 * completion takes from it which flags are documented and what their values are. The layout it
 * reads is the one every command's help has:
 *
 *   pg-catchup catchup: one-line summary        <- title (may wrap)
 *
 *   Usage:                                      <- a section: a heading ending in ':', then
 *     pg-catchup catchup -b FULL|DELTA ...         lines indented by two spaces
 *
 *   Options:
 *     -b, --backup-mode=MODE   what it does     <- an entry: term, two or more spaces, text
 *                              continued        <- deeper indent: the entry goes on
 *     -T, --tablespace-mapping=OLDDIR=NEWDIR   <- a term alone; its text on the next lines
 *
 *   Exit status: 0 on success, ...             <- any other block is a paragraph
 */

export interface HelpEntry {
  /** `-b, --backup-mode=MODE`, or a command name. */
  term: string;
  /** The description, its lines joined. */
  text: string;
  /** The description as the help wraps it (a line may start a sub-item: "DELTA: ..."). */
  lines: string[];
}

export type HelpBlock =
  | { kind: 'section'; heading: string; entries: HelpEntry[]; lines: string[] }
  | { kind: 'paragraph'; text: string };

export interface Help {
  /** The first block, joined: "pg-catchup catchup: copy a running ...". */
  title: string;
  blocks: HelpBlock[];
}

export function parseHelp(text: string): Help {
  const raw = text.replace(/\s+$/, '').split(/\n\s*\n/).map((b) => b.split('\n'));
  if (raw.length === 0 || raw[0][0].trim() === '') throw new Error('empty --help output');
  const title = raw[0].map((l) => l.trim()).join(' ');
  const blocks: HelpBlock[] = raw.slice(1).map((lines) => {
    const [first, ...rest] = lines;
    if (/^\S.*:$/.test(first) && rest.length > 0 && rest.every((l) => l.startsWith('  '))) {
      return { kind: 'section', heading: first.slice(0, -1), entries: entriesOf(rest), lines: rest.map((l) => l.trim()) };
    }
    return { kind: 'paragraph', text: lines.map((l) => l.trim()).join(' ') };
  });
  return { title, blocks };
}

/** An entry starts at the left (indent 2, or 6 for a long flag with no short one); deeper lines continue it. */
function entriesOf(lines: string[]): HelpEntry[] {
  const entries: HelpEntry[] = [];
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const m = /^(\S.*?)(?: {2,}(\S.*))?$/.exec(line.trim());
    if (indent <= 6 && m) {
      entries.push({ term: m[1], text: m[2] ?? '', lines: m[2] ? [m[2]] : [] });
    } else if (entries.length > 0) {
      const last = entries[entries.length - 1];
      last.lines.push(line.trim());
      last.text = last.lines.join(' ');
    }
  }
  return entries;
}

export interface DocumentedFlag {
  long: string;
  short?: string;
  /** `MODE`, `DIR`, `OLDDIR=NEWDIR`, ...; `[=json]` for an optional value; undefined for a switch. */
  metavar?: string;
  text: string;
}

/** The flags a help text documents in its option entries ("-b, --backup-mode=MODE"). */
export function documentedFlags(help: Help): DocumentedFlag[] {
  const flags: DocumentedFlag[] = [];
  for (const b of help.blocks) {
    if (b.kind !== 'section') continue;
    for (const e of b.entries) {
      const m = /^(?:-(\S), )?--([a-z0-9-]+)(?:(\[=[^\]]+\])|=(\S+))?$/.exec(e.term);
      if (m) flags.push({ short: m[1], long: m[2], metavar: m[3] ?? m[4], text: e.text });
    }
  }
  return flags;
}

/** The values a usage line lists for a flag: "-b FULL|DELTA|AUTO" -> b: [FULL, DELTA, AUTO]. */
export function usageChoices(help: Help): Map<string, string[]> {
  const choices = new Map<string, string[]>();
  for (const b of help.blocks) {
    if (b.kind !== 'section' || b.heading !== 'Usage') continue;
    for (const line of b.lines) {
      for (const m of line.matchAll(/(?:^|\s)-(\w) ([A-Z]+(?:\|[A-Z]+)+)/g)) choices.set(m[1], m[2].split('|'));
    }
  }
  return choices;
}
