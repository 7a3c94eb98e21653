import { checkFullPageWrites, checkSourceHintLogging, ControlSettings, settingsFrom } from '../../../src/engine/preflight/source-settings';
import { checkWalLevel } from '../../../src/engine/preflight/wal-level';

const CONTROL: ControlSettings = { walLevelName: 'replica', fullPageWrites: true, dataChecksums: false, walLogHints: true };

describe('source settings for a role that may not see every one', () => {
  test('what pg_settings shows is used as it is; pg_control is not read', async () => {
    let reads = 0;
    const seen = new Map([['wal_level', 'logical'], ['full_page_writes', 'on'], ['data_checksums', 'on'], ['wal_log_hints', 'off'], ['archive_mode', 'off']]);
    const s = await settingsFrom(seen, false, async () => { reads++; return CONTROL; });
    expect(s).toMatchObject({ wal_level: 'logical', data_checksums: 'on', wal_log_hints: 'off', archive_mode: 'off', fromPgControl: [] });
    expect(reads).toBe(0);
    expect(checkWalLevel(s).detail).toBe('wal_level = logical');
  });

  test('a hidden setting the checks need comes from pg_control, read once, and the check says so', async () => {
    let reads = 0;
    const s = await settingsFrom(new Map([['data_checksums', 'off']]), false, async () => { reads++; return CONTROL; });
    expect(reads).toBe(1);
    expect(s).toMatchObject({ wal_level: 'replica', full_page_writes: 'on', data_checksums: 'off', wal_log_hints: 'on', archive_mode: 'unknown' });
    expect(s.fromPgControl).toEqual(['wal_level', 'full_page_writes', 'wal_log_hints']);
    expect(checkWalLevel(s)).toMatchObject({ status: 'pass', detail: expect.stringContaining("from the source's pg_control") });
    expect(checkFullPageWrites(s).detail).toContain("from the source's pg_control");
    expect(checkSourceHintLogging(s)).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^wal_log_hints = on \(from the source's pg_control/) });
  });

  test('wal_level minimal from pg_control still fails the check', async () => {
    const s = await settingsFrom(new Map(), false, async () => ({ ...CONTROL, walLevelName: 'minimal' }));
    expect(checkWalLevel(s).status).toBe('fail');
  });
});
