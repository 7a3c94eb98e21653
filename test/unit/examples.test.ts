/**
 * Issue 25: every example in README.md and docs/*.md is checked as a user would copy it (and the
 * files under examples/ that the docs point to). A broken example fails here, with its file and
 * line, instead of in a user's first hour.
 */
import * as fs from 'fs';
import * as path from 'path';
import { actionInterface } from './examples/action-references';
import { ansibleMissing } from './examples/ansible-checks';
import { exampleProblems } from './examples/example-problems';
import { BlockKind, fencedBlocksOfFile } from './examples/fenced-blocks';

const REPO = path.resolve(__dirname, '..', '..');
const ACTION = actionInterface(path.join(REPO, 'action.yml'));

const markdown = [
  'README.md',
  ...fs.readdirSync(path.join(REPO, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`),
  'ansible/collections/ansible_collections/pgcatchup/postgresql/README.md',
];
const fromMarkdown = markdown.flatMap((name) => fencedBlocksOfFile(path.join(REPO, name), name))
  .filter((b): b is typeof b & { kind: BlockKind } => b.kind !== null);

/** Example files: playbooks, roles and inventories under examples/, checked whole. */
function exampleFiles(dir: string): Array<{ where: string; kind: BlockKind; text: string; file?: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return exampleFiles(file);
    const kind: BlockKind | null = /\.ya?ml$/.test(e.name) ? 'yaml' : /\.ini$/.test(e.name) ? 'ini' : /\.(sh|bash)$/.test(e.name) ? 'shell' : null;
    return kind ? [{ where: path.relative(REPO, file), kind, text: fs.readFileSync(file, 'utf8'), file }] : [];
  });
}

const examples: Array<{ where: string; kind: BlockKind; text: string; file?: string }> = [...fromMarkdown, ...exampleFiles(path.join(REPO, 'examples'))];

if (ansibleMissing) {
  // eslint-disable-next-line no-console
  console.log(`Playbooks are only parsed as YAML, and inventories not at all: ${ansibleMissing}`);
}

describe('examples in README.md, docs/ and examples/', () => {
  test('there are examples of each kind to check', () => {
    const kinds = new Set(examples.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['ini', 'shell', 'yaml']);
  });

  test.each(examples.map((e) => [`${e.where} (${e.kind})`, e] as const))('%s', async (_name, example) => {
    expect(await exampleProblems(example.kind, example.text, ACTION, example.file)).toEqual([]);
  });
});

// Each check must be able to fail: one broken example of each kind it is meant to catch.
describe('the checks catch broken examples', () => {
  const problems = (kind: BlockKind, text: string) => exampleProblems(kind, text, ACTION);

  test('a run: line with an unquoted ": " (YAML reads a mapping there)', async () => {
    const text = 'steps:\n  - uses: your-org/pg-catchup@v0\n    id: c\n    with:\n      target-pgdata: /d\n  - run: echo "${{ steps.c.outputs.mode }}: done"\n';
    expect((await problems('yaml', text)).join('\n')).toMatch(/^YAML: /);
  });

  test('an input or output action.yml does not have, an unknown step id, a missing required input', async () => {
    const text = [
      'steps:',
      '  - uses: ./',
      '    id: c',
      '    with:',
      '      target-pgdata: /d',
      '      source-host: primary',
      '  - uses: your-org/pg-catchup@v1',
      '    with: { mode: FULL }',
      '  - run: |',
      '      echo "${{ steps.c.outputs.bytes }} ${{ steps.x.outputs.mode }}"',
    ].join('\n');
    expect(await problems('yaml', text)).toEqual([
      'step c passes input "source-host", which action.yml does not declare',
      'step your-org/pg-catchup@v1 lacks the required input "target-pgdata"',
      'steps.c.outputs.bytes: action.yml has no output "bytes"',
      'steps.x.outputs.mode: no step has id "x"',
    ]);
  });

  test('a run: script bash cannot parse', async () => {
    expect(await problems('yaml', 'steps:\n  - run: |\n      if true; then echo ${{ inputs.x }}\n')).toEqual([expect.stringMatching(/^run: if true.*bash -n: .*syntax error/)]);
  });

  test('a shell block bash cannot parse, and pg-catchup lines with flags, words or values the CLI refuses', async () => {
    expect(await problems('shell', 'for x in a b; do echo $x\n')).toEqual([expect.stringMatching(/^bash -n: .*syntax error/)]);
    const lines = [
      'pg-catchup catchup -b FULL -D /d -h primary --no-such-flag',
      'sudo -u postgres pg-catchup preflight -b AUTO -D /d [--json]',
      'npx pg-catchup rewind -D /d --source-server  # the value is missing',
      'PGPASSWORD=x /usr/bin/pg-catchup catchup -b DELTA -D /d -U replicator -R 2>&1 | tee log',
      'node dist/cli/index.js print-grants --role=r --verbose',
      'pg-catchup resync -D /d',
      'dpkg -r pg-catchup   # not a pg-catchup command line',
    ].join('\n');
    expect(await problems('shell', lines)).toEqual([
      expect.stringMatching(/^pg-catchup catchup .*--no-such-flag: pg-catchup: error: Unknown option '--no-such-flag'/),
      expect.stringMatching(/'\[--json\]': pg-catchup: error: Unexpected argument '\[--json\]'/),
      expect.stringMatching(/--source-server: pg-catchup: error: .*--source-server/),
      expect.stringMatching(/--role=r --verbose: pg-catchup: error: Unknown option '--verbose'/),
      expect.stringMatching(/resync -D \/d: pg-catchup: error: unknown command "resync"/),
    ]);
  });

  (ansibleMissing ? test.skip : test)('a playbook naming a module that does not exist, and an inventory Ansible cannot parse', async () => {
    const play = '- hosts: all\n  tasks:\n    - pgcatchup.postgresql.no_such_module:\n        target_pgdata: /d\n';
    expect(await problems('yaml', play)).toEqual([expect.stringMatching(/^ansible-playbook --syntax-check: .*no_such_module/s)]);
    expect(await problems('ini', '[standbys]\nstandby1 pgdata="/d\n[broken\n')).toEqual([expect.stringMatching(/^ansible-inventory: /)]);
  });
});
