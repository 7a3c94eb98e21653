import { parseBackupLabel } from '../../../src/engine/pgdata/backup-label';
import type { PgControl } from '../../../src/engine/pgdata/pg-control';
import { referenceForLaggingTarget, relateToSource, targetPosition } from '../../../src/engine/plan/reference-lsn';
import { parseLsn } from '../../../src/engine/wal/lsn';

const control = (over: Partial<PgControl>): PgControl => ({
  state: 'shut down', timeline: 1, checkpointLsn: parseLsn('0/5000060'), redoLsn: parseLsn('0/5000028'),
  minRecoveryPoint: 0n, minRecoveryPointTli: 0, ...over,
} as PgControl);

const LABEL = `START WAL LOCATION: 0/3000028 (file 000000010000000000000003)
CHECKPOINT LOCATION: 0/3000060
BACKUP METHOD: streamed
BACKUP FROM: primary
START TIME: 2026-11-25 10:00:00 UTC
LABEL: pg-catchup
START TIMELINE: 1
`;

describe('target position', () => {
  test('a stopped primary ends at its shutdown checkpoint; a stopped standby at minRecoveryPoint on its timeline', () => {
    expect(targetPosition(control({}))).toEqual({ tli: 1, lsn: parseLsn('0/5000060') });
    expect(targetPosition(control({ state: 'shut down in recovery', minRecoveryPoint: parseLsn('0/7000000'), minRecoveryPointTli: 2, timeline: 1 })))
      .toEqual({ tli: 2, lsn: parseLsn('0/7000000') });
  });
});

describe('relating the target to the source history', () => {
  const history = [{ tli: 1, switchpoint: parseLsn('0/6000000'), reason: 'promoted' }];
  const src = { tli: 2, history, currentLsn: parseLsn('0/9000000') };

  test('on history: an ancestor timeline up to its switchpoint', () => {
    expect(relateToSource({ tli: 1, lsn: parseLsn('0/5FFFFFF') }, src, [])).toEqual({ kind: 'on-history' });
    expect(relateToSource({ tli: 2, lsn: parseLsn('0/8000000') }, src, history)).toEqual({ kind: 'on-history' });
  });

  test('diverged: the old primary went on past the switchpoint', () => {
    expect(relateToSource({ tli: 1, lsn: parseLsn('0/6100000') }, src, [])).toEqual({ kind: 'diverged', forkTli: 1, forkLsn: parseLsn('0/6000000') });
  });

  test('ahead: same timeline, further than the source', () => {
    expect(relateToSource({ tli: 2, lsn: parseLsn('0/9000001') }, src, history)).toEqual({ kind: 'ahead', sourceLsn: parseLsn('0/9000000') });
  });

  test('a target on a timeline of its own, forked earlier, from its history file; unrelated without one', () => {
    const targetHistory = [{ tli: 1, switchpoint: parseLsn('0/5800000'), reason: 'promoted' }];
    expect(relateToSource({ tli: 3, lsn: parseLsn('0/7000000') }, src, targetHistory)).toEqual({ kind: 'diverged', forkTli: 1, forkLsn: parseLsn('0/5800000') });
    expect(relateToSource({ tli: 3, lsn: parseLsn('0/7000000') }, src, null)).toMatchObject({ kind: 'unrelated' });
  });
});

describe('R for a lagging target', () => {
  test("pg_control's redo, or a backup_label's start when lower", () => {
    expect(referenceForLaggingTarget(control({}), null).lsn).toBe(parseLsn('0/5000028'));
    const label = parseBackupLabel(LABEL);
    expect(label).toMatchObject({ startWalLocation: parseLsn('0/3000028'), checkpointLocation: parseLsn('0/3000060'), startTimeline: 1, backupFrom: 'primary' });
    const r = referenceForLaggingTarget(control({}), label);
    expect(r.lsn).toBe(parseLsn('0/3000028'));
    expect(r.reason).toMatch(/backup_label/);
    expect(() => parseBackupLabel('LABEL: x\n')).toThrow(/no START WAL LOCATION/);
  });
});
