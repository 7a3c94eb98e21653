import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { beginMarkedRun, CONTROL_ASIDE, endMarkedRun, LOCK_FILE, MARKER_FILE, readMarker } from '../../../src/engine/pgdata/catchup-marker';
import { takeOverNotice, TargetLock } from '../../../src/engine/pgdata/target-lock';

/** Runs `count` processes that all take the lock at the same instant and hold it for a second. */
async function raceForLock(target: string, count: number): Promise<Array<{ pid: number; ok: boolean; message?: string; startedAt?: string }>> {
  const at = Date.now() + 3000; // every process has loaded by then
  const script = `
    const { TargetLock } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/engine/pgdata/target-lock'))});
    while (Date.now() < ${at});
    try {
      const lock = TargetLock.acquire(${JSON.stringify(target)});
      const held = JSON.parse(require('fs').readFileSync(${JSON.stringify(path.join(target, LOCK_FILE))}, 'utf8'));
      console.log(JSON.stringify({ pid: process.pid, ok: true, startedAt: held.startedAt }));
      setTimeout(() => lock.release(), 1000);
    } catch (err) {
      console.log(JSON.stringify({ pid: process.pid, ok: false, message: err.message }));
    }`;
  const runs = Array.from({ length: count }, () => new Promise<{ pid: number; ok: boolean; message?: string; startedAt?: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out.trim()));
      } catch {
        reject(new Error(`no result from a racing process: ${out}`));
      }
    });
  }));
  return Promise.all(runs);
}

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

  test('a lock left by a dead process (a killed run) is taken over, with a notice naming it', () => {
    // PID 2^22+1 is above the kernel's pid_max default range: never alive.
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 4194305, host: os.hostname(), startedAt: 'then' }));
    const lock = TargetLock.acquire(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(takeOverNotice(lock, dir)).toMatch(/took over the lock of an earlier run on .* \(PID 4194305 on .*, started then\), which is no longer running/);
    lock.release();
    expect(takeOverNotice(TargetLock.acquire(dir), dir)).toBeNull();
  });

  test('a lock file that is not ours is refused, not removed', () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    expect(() => TargetLock.acquire(dir)).toThrow(/is not one pg-catchup wrote/);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe('garbage');
  });

  test('runs started in the same instant: exactly one takes the lock, every other names its PID and start time', async () => {
    for (const dead of [false, true]) {
      // Also when they all find a dead run's lock and race to take it over.
      if (dead) fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 4194305, host: os.hostname(), startedAt: 'then' }));
      const results = await raceForLock(dir, 6);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => !r.ok)) {
        expect(loser.message).toContain(`Another pg-catchup run (PID ${winners[0].pid} on ${os.hostname()}, started ${winners[0].startedAt})`);
      }
      expect(fs.readdirSync(dir).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
    }
  }, 30_000);
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
