/** The release reads each command's flags from the parseFlags calls in src/cli/commands/. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCliFlags } from '../../../scripts/release/cli-flags';

const REPO = path.resolve(__dirname, '..', '..', '..');

test('every command of the CLI, with the shared tables of parse-flags.ts spread in', () => {
  const flags = readCliFlags(REPO);
  expect([...flags.keys()].sort()).toEqual(['catchup', 'preflight', 'print-grants', 'rewind']);
  const catchup = flags.get('catchup')!;
  expect(catchup).toContainEqual({ long: 'backup-mode', short: 'b', takesValue: true });
  expect(catchup).toContainEqual({ long: 'host', short: 'h', takesValue: true }); // from ...CONNECTION_FLAGS
  expect(catchup).toContainEqual({ long: 'dry-run', short: undefined, takesValue: false });
  expect(flags.get('print-grants')).toContainEqual({ long: 'role', short: undefined, takesValue: true });
});

test('a flag table it cannot read is an error, not a shorter completion', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-flags-'));
  try {
    fs.mkdirSync(path.join(repo, 'src/cli/commands'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'src/cli/parse-flags.ts'), 'export const SHARED = { a: { type: "boolean" } };\n');
    fs.writeFileSync(path.join(repo, 'src/cli/commands/x.ts'), 'const t = {}; parseFlags("x", argv, { ...SHARED, ...t });\n');
    expect(() => readCliFlags(repo)).toThrow('...t is not a flag table exported by src/cli/parse-flags.ts');
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
