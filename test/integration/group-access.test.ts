/**
 * Group access (initdb -g): PostgreSQL creates everything in PGDATA 0640/0750 when PGDATA itself
 * is 0750, and checks nothing else; pg_basebackup gives a new copy the source's modes and
 * pg_rewind keeps the target's (its 002_databases test). A target we write must look the same:
 * every file 0640 and every directory 0750 after FULL, and after a rewind.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  expectCliSuccess, expectSameDataAtSameLsn, primaryWithStandby, promoteStandby, runCli, sourceServer, startAsStandby, edgeTestVersions, useClusters,
} from '../support';

useClusters();

/** Paths whose mode is not PostgreSQL's for a group-access data directory (links are not judged: their targets are). */
function wrongModes(dir: string): string[] {
  const wrong: string[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel))) {
      const p = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(path.join(dir, p));
      if (st.isSymbolicLink()) continue;
      const mode = st.mode & 0o777;
      const want = st.isDirectory() ? 0o750 : 0o640;
      if (mode !== want) wrong.push(`${p} ${mode.toString(8)} (PostgreSQL: ${want.toString(8)})`);
      if (st.isDirectory()) walk(p);
    }
  };
  const top = fs.statSync(dir).mode & 0o777;
  if (top !== 0o750) wrong.push(`. ${top.toString(8)} (PostgreSQL: 750)`);
  walk('');
  return wrong;
}

describe.each(edgeTestVersions())('group access (initdb -g), PostgreSQL %i', (version) => {
  test('FULL gives the source\'s modes (0750/0640); a rewind keeps them', async () => {
    const f = await primaryWithStandby(version, { groupAccess: true });
    expect(wrongModes(f.oldPrimary.dataDir)).toEqual([]);
    // FULL (standbyOf: catchupFull) wrote every file of the new standby.
    expect(wrongModes(f.newPrimary.dataDir)).toEqual([]);

    await promoteStandby(f);
    await f.oldPrimary.query('CREATE TABLE lost AS SELECT g FROM generate_series(1, 5000) g');
    await f.newPrimary.query('CREATE DATABASE after_fork');
    await f.newPrimary.query('CREATE TABLE kept AS SELECT g FROM generate_series(1, 5000) g', [], 'after_fork');
    await f.oldPrimary.stop('fast');
    expectCliSuccess(await runCli(['rewind', '-D', f.oldPrimary.dataDir, `--source-server=${sourceServer(f.newPrimary)}`, '-R']));
    // Every file the rewind wrote (the new database, pg_control, WAL, backup_label) as PostgreSQL would.
    expect(wrongModes(f.oldPrimary.dataDir)).toEqual([]);
    const rewound = await startAsStandby(f.oldPrimary.dataDir);
    await expectSameDataAtSameLsn(f.newPrimary, rewound);
    expect(wrongModes(f.oldPrimary.dataDir)).toEqual([]);
  });
});
