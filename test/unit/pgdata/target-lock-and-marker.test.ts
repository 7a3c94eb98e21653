import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { beginMarkedRun, CONTROL_ASIDE, endMarkedRun, LOCK_FILE, MARKER_FILE, readMarker } from '../../../src/engine/pgdata/catchup-marker';
import { TargetLock } from '../../../src/engine/pgdata/target-lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-unit-'));
  fs.mkdirSync(path.join(dir, 'global'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('target lock', () => {
  test('a second run refuses with the first one’s PID and start time; release frees it', () => {
    const lock = TargetLock.acquire(dir);
    const held = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(() => TargetLock.acquire(dir)).toThrow(new RegExp(`PID ${process.pid} .*started ${held.startedAt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(() => TargetLock.assertFree(dir)).toThrow(/Another pg-catchup run/);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    TargetLock.acquire(dir).release();
  });

  test('a lock left by a dead process (a killed run) is taken over', () => {
    // PID 2^22+1 is above the kernel's pid_max default range: never alive.
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 4194305, host: os.hostname(), startedAt: 'then' }));
    const lock = TargetLock.acquire(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});

describe('marker and pg_control set aside', () => {
  const marker = {
    tool: 'pg-catchup' as const, mode: 'DELTA', referenceLsn: 0x1_0000_0028n, sourceSystemIdentifier: '7312345678901234567',
    startedAt: '2026-11-25T10:00:00.000Z', pid: 42, referenceReason: 'redo', diverged: false,
  };

  test('begin records the job and moves pg_control aside; end removes both', () => {
    fs.writeFileSync(path.join(dir, 'global', 'pg_control'), 'original');
    beginMarkedRun(dir, marker, null);
    expect(readMarker(dir)).toEqual(marker);
    expect(fs.readFileSync(path.join(dir, MARKER_FILE), 'utf8')).toContain('"referenceLsn": "1/28"');
    expect(fs.existsSync(path.join(dir, 'global', 'pg_control'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, CONTROL_ASIDE), 'utf8')).toBe('original');
    endMarkedRun(dir);
    expect(readMarker(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, CONTROL_ASIDE))).toBe(false);
  });

  test('a resumed run keeps the original aside and drops a pg_control the interrupted run wrote', () => {
    fs.writeFileSync(path.join(dir, 'global', 'pg_control'), 'original');
    beginMarkedRun(dir, marker, null);
    fs.writeFileSync(path.join(dir, 'global', 'pg_control'), 'written by the interrupted run');
    beginMarkedRun(dir, { ...marker, pid: 43 }, null);
    expect(fs.readFileSync(path.join(dir, CONTROL_ASIDE), 'utf8')).toBe('original');
    expect(fs.existsSync(path.join(dir, 'global', 'pg_control'))).toBe(false);
  });
});
