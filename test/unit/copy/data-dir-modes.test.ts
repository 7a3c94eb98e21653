import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TargetWriter } from '../../../src/engine/copy/target-writer';
import { WalSegmentSink } from '../../../src/engine/copy/wal-segment-sink';
import { dataDirModes, GROUP_READ_MODES, modesForDataDirMode, OWNER_ONLY_MODES, parseDataDirectoryMode } from '../../../src/engine/pgdata/data-dir-modes';

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

describe("PostgreSQL's modes from the mode of PGDATA (initdb -g: 0750/0640)", () => {
  test('group read and execute on PGDATA means group modes; anything else owner only', () => {
    expect(modesForDataDirMode(0o40750)).toBe(GROUP_READ_MODES);
    expect(modesForDataDirMode(0o755)).toBe(GROUP_READ_MODES);
    expect(modesForDataDirMode(0o700)).toBe(OWNER_ONLY_MODES);
    expect(modesForDataDirMode(0o740)).toBe(OWNER_ONLY_MODES);
    expect(parseDataDirectoryMode('0750')).toBe(0o750);
    expect(() => parseDataDirectoryMode('rwx')).toThrow(/not an octal mode/);
  });

  describe('files and directories made in a 0750 target, under a umask that takes group bits away', () => {
    let root: string;
    let umask: number;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'modes-'));
      fs.chmodSync(root, 0o750);
      umask = process.umask(0o077);
    });
    afterEach(() => {
      process.umask(umask);
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('TargetWriter: new directories 0750, new files 0640, a replaced pg_control keeps its mode', async () => {
      const modes = dataDirModes(root);
      expect(modes).toBe(GROUP_READ_MODES);
      const writer = new TargetWriter({ root, owner: null, sync: false, modes });
      await writer.makeDirectory('base/5');
      await writer.makeDirectory('global');
      writer.writeWhole('base/5/100', Buffer.alloc(8192));
      fs.writeFileSync(path.join(root, 'global', 'pg_control'), 'old', { mode: 0o640 });
      fs.chmodSync(path.join(root, 'global', 'pg_control'), 0o640);
      await writer.writeFile('global/pg_control', Buffer.from('new'));
      await writer.flush();
      expect(modeOf(path.join(root, 'base'))).toBe(0o750);
      expect(modeOf(path.join(root, 'base/5'))).toBe(0o750);
      expect(modeOf(path.join(root, 'base/5/100'))).toBe(0o640);
      expect(modeOf(path.join(root, 'global/pg_control'))).toBe(0o640);
      expect(fs.readFileSync(path.join(root, 'global/pg_control'), 'utf8')).toBe('new');
    });

    test('a new pg_control in an owner-only target is 0600', async () => {
      fs.chmodSync(root, 0o700);
      const writer = new TargetWriter({ root, owner: null, sync: false, modes: dataDirModes(root) });
      await writer.makeDirectory('global');
      await writer.writeFile('global/pg_control', Buffer.from('new'));
      expect(modeOf(path.join(root, 'global'))).toBe(0o700);
      expect(modeOf(path.join(root, 'global/pg_control'))).toBe(0o600);
    });

    test('WalSegmentSink: segments and their .done files take the mode of the data directory holding pg_wal', async () => {
      fs.mkdirSync(path.join(root, 'pg_wal', 'archive_status'), { recursive: true });
      const segSize = 1024 * 1024;
      const sink = new WalSegmentSink(path.join(root, 'pg_wal'), 1, segSize, null, false);
      await sink.write(BigInt(segSize), Buffer.alloc(100));
      await sink.write(BigInt(2 * segSize), Buffer.alloc(100));
      await sink.close();
      const names = fs.readdirSync(path.join(root, 'pg_wal')).filter((n) => n !== 'archive_status');
      expect(names.length).toBe(2);
      for (const n of names) expect(modeOf(path.join(root, 'pg_wal', n))).toBe(0o640);
      const done = fs.readdirSync(path.join(root, 'pg_wal', 'archive_status'));
      expect(done.length).toBe(2);
      for (const d of done) expect(modeOf(path.join(root, 'pg_wal', 'archive_status', d))).toBe(0o640);
    });
  });
});
