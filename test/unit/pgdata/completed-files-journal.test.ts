import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompletedFilesJournal, readResumeJournal } from '../../../src/engine/pgdata/completed-files';

describe('CompletedFilesJournal', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const journalText = () => fs.readFileSync(path.join(dir, 'pg_catchup.done'), 'utf8');

  test('the lines of one turn are written together on the next; close writes what is pending', async () => {
    const j = new CompletedFilesJournal(dir, null);
    j.add('base/5/1', 8192);
    j.addDurablePart('base/5/2', 32 * 1048576);
    j.add('base/5/3', 0);
    expect(journalText()).toBe('');
    await new Promise((r) => setImmediate(r));
    expect(journalText()).toBe(`8192\tbase/5/1\npart\t${32 * 1048576}\tbase/5/2\n0\tbase/5/3\n`);
    j.add('global/1262', 16384);
    j.close();
    const read = readResumeJournal(dir);
    expect([...read.done]).toEqual([['base/5/1', 8192], ['base/5/3', 0], ['global/1262', 16384]]);
    expect([...read.durable]).toEqual([['base/5/2', 32 * 1048576]]);
    await new Promise((r) => setImmediate(r)); // the turn scheduled before close writes nothing twice
    expect(journalText().split('\n').filter(Boolean)).toHaveLength(4);
  });

  test('a line after close is an internal error', () => {
    const j = new CompletedFilesJournal(dir, null);
    j.close();
    expect(() => j.add('x', 1)).toThrow(/journal is closed/);
  });
});
