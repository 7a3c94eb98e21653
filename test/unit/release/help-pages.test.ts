/** The release's man page and bash completion, made from a --help text and a flag table. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bashCompletion } from '../../../scripts/release/bash-completion';
import type { CliFlag } from '../../../scripts/release/cli-flags';
import { documentedFlags, parseHelp, usageChoices } from '../../../scripts/release/cli-help';
import { manPage, roffText } from '../../../scripts/release/man-page';

const HELP = `pg-catchup catchup: copy a running PostgreSQL primary
into a local data directory.

Usage:
  pg-catchup catchup -b FULL|DELTA --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL: copy everything
                                 DELTA: copy what changed
  -D, --destination-pgdata=DIR   the target data directory
      --dry-run                  change nothing
  -T, --tablespace-mapping=OLDDIR=NEWDIR
                                 move a tablespace
  -P, --progress[=json]          progress on stderr
      --sync-method=METHOD       fsync (default) or syncfs
      --report=FILE.json         write a report
  -?, --help                     show this help

.leading dot and a back\\slash.`;

const FLAGS: CliFlag[] = [
  { long: 'backup-mode', short: 'b', takesValue: true },
  { long: 'destination-pgdata', short: 'D', takesValue: true },
  { long: 'dry-run', takesValue: false },
  { long: 'tablespace-mapping', short: 'T', takesValue: true },
  { long: 'progress', short: 'P', takesValue: false },
  { long: 'sync-method', takesValue: true },
  { long: 'report', takesValue: true },
  { long: 'help', short: '?', takesValue: false },
  { long: 'change-source', takesValue: true },
];

describe('parseHelp', () => {
  const help = parseHelp(HELP);

  test('joins a wrapped title and reads sections, entries and their continuation lines', () => {
    expect(help.title).toBe('pg-catchup catchup: copy a running PostgreSQL primary into a local data directory.');
    const options = help.blocks.find((b) => b.kind === 'section' && b.heading === 'Options');
    if (options?.kind !== 'section') throw new Error('no Options section');
    expect(options.entries.map((e) => e.term)).toEqual(['-b, --backup-mode=MODE', '-D, --destination-pgdata=DIR', '--dry-run',
      '-T, --tablespace-mapping=OLDDIR=NEWDIR', '-P, --progress[=json]', '--sync-method=METHOD', '--report=FILE.json', '-?, --help']);
    expect(options.entries[0].lines).toEqual(['FULL: copy everything', 'DELTA: copy what changed']);
    expect(options.entries[3].text).toBe('move a tablespace');
  });

  test('documented flags carry their value names; the usage line its choices', () => {
    expect(documentedFlags(help).map((f) => [f.short, f.long, f.metavar])).toEqual([
      ['b', 'backup-mode', 'MODE'], ['D', 'destination-pgdata', 'DIR'], [undefined, 'dry-run', undefined],
      ['T', 'tablespace-mapping', 'OLDDIR=NEWDIR'], ['P', 'progress', '[=json]'], [undefined, 'sync-method', 'METHOD'],
      [undefined, 'report', 'FILE.json'], ['?', 'help', undefined],
    ]);
    expect(usageChoices(help).get('b')).toEqual(['FULL', 'DELTA']);
  });
});

describe('manPage', () => {
  const top = parseHelp('pg-catchup: clone standbys.\n\nUsage:\n  pg-catchup catchup -b FULL\n\nCommands:\n  catchup   copy');
  const page = manPage({ version: '1.2.3', date: '2026-01-02', top, commands: [{ name: 'catchup', help: parseHelp(HELP) }] });

  test('roff: minus signs escaped, a leading dot made literal, backslashes printed', () => {
    expect(roffText('.x -b a\\b')).toBe('\\&.x \\-b a\\eb');
    expect(page).toContain('.TH PG\\-CATCHUP 1 "2026-01-02" "pg\\-catchup 1.2.3" "User Commands"');
    expect(page).toContain('pg\\-catchup \\- clone standbys');
    expect(page).toContain('.SH "PG\\-CATCHUP CATCHUP"');
    expect(page).toContain('.TP\n\\fB\\-b\\fR, \\fB\\-\\-backup\\-mode\\fR\\fI=MODE\\fR\nFULL: copy everything\n.br\nDELTA: copy what changed');
    expect(page).toContain('\\&.leading dot and a back\\eslash.');
  });

  test('groff reads it without a warning', () => {
    const r = spawnSync('groff', ['-man', '-ww', '-z'], { input: page, encoding: 'utf8' });
    if (r.error) throw new Error(`groff did not run (${r.error.message}): install it (Debian: apt-get install groff-base)`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The check can fail: an unknown request is a warning.
    expect(spawnSync('groff', ['-man', '-ww', '-z'], { input: `${page}.XY\n`, encoding: 'utf8' }).stderr).toMatch(/XY/);
  });
});

describe('bashCompletion', () => {
  const { script, undocumented } = bashCompletion([{ name: 'catchup', flags: FLAGS, help: parseHelp(HELP) }], '1.2.3');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-completion-'));
  fs.mkdirSync(path.join(dir, 'data-a'));
  fs.writeFileSync(path.join(dir, 'completion.bash'), script);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What bash offers after these words (the last one is being completed). */
  const complete = (...words: string[]) => execFileSync('bash', ['-c',
    'source completion.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($#-1)); _pg_catchup; printf "%s\\n" "${COMPREPLY[@]}"', 'bash', ...words,
  ], { cwd: dir, encoding: 'utf8' }).split('\n').filter((l) => l !== '');

  test('commands first, then the documented flags of the command; the hidden ones are reported, not offered', () => {
    expect(complete('pg-catchup', 'ca')).toEqual(['catchup']);
    expect(complete('pg-catchup', 'catchup', '--')).toEqual(['--backup-mode=', '--destination-pgdata=', '--dry-run', '--tablespace-mapping=',
      '--progress', '--sync-method=', '--report=', '--help']);
    expect(undocumented.get('catchup')).toEqual(['--change-source']);
  });

  test('values: the usage line\'s choices, directories for DIR, the named methods; after -X, --x and --x=', () => {
    expect(complete('pg-catchup', 'catchup', '-b', '')).toEqual(['FULL', 'DELTA']);
    expect(complete('pg-catchup', 'catchup', '--backup-mode', '=', 'D')).toEqual(['DELTA']);
    expect(complete('pg-catchup', 'catchup', '--backup-mode=F')).toEqual(['--backup-mode=FULL']);
    expect(complete('pg-catchup', 'catchup', '-D', 'data')).toEqual(['data-a/']);
    expect(complete('pg-catchup', 'catchup', '--sync-method', '=', '')).toEqual(['fsync', 'syncfs']);
    expect(complete('pg-catchup', 'catchup', '--dry-run', '--re')).toEqual(['--report=']);
  });

  test('a flag the help documents but the parser refuses stops the build', () => {
    expect(() => bashCompletion([{ name: 'catchup', flags: FLAGS.filter((f) => f.long !== 'report'), help: parseHelp(HELP) }], '1'))
      .toThrow('pg-catchup catchup --help documents --report, which its parser (src/cli/commands/catchup.ts) does not accept');
  });
});
