import { newReport } from '../../../src/engine/report/report';
import { CatchupError } from '../../../src/engine/errors';
import { assertChecksPass } from '../../../src/engine/preflight/check';
import { parseFlags, TRANSFER_FLAGS, transferValues } from '../../../src/cli/parse-flags';
import { renderChecks } from '../../../src/cli/render-checks';
import { describeDiscarded as renderDiscarded } from '../../../src/engine';
import { renderJsonFailure, renderJsonResult } from '../../../src/cli/render-json';
import { renderSummary } from '../../../src/cli/render-summary';
import { UsageError } from '../../../src/cli/usage-error';

const running = { id: 'target-stopped', title: 'Target is cleanly shut down', status: 'fail' as const, detail: 'a postmaster (PID 42) is running', fix: 'pg_ctl stop -D /pgdata' };

describe('CLI renderers', () => {
  test('a failed check says what is wrong first, then the check; a passing one keeps "title: detail"', () => {
    expect(renderChecks([{ id: 'wal-level', title: 'Source wal_level', status: 'pass', detail: 'wal_level = replica' }, running]).split('\n')).toEqual([
      '[ok  ] Source wal_level: wal_level = replica',
      '[FAIL] a postmaster (PID 42) is running (check: Target is cleanly shut down)',
      '       fix: pg_ctl stop -D /pgdata',
    ]);
    expect(() => assertChecksPass([running])).toThrow('a postmaster (PID 42) is running (the check "Target is cleanly shut down"). pg_ctl stop -D /pgdata');
  });

  test('a rewind is "rewind: success", not "rewind rewind: success"', () => {
    const r = newReport('rewind', 'host=db', '/pgdata', 1);
    r.status = 'success';
    expect(renderSummary(r).split('\n')[0]).toBe('rewind: success');
    const full = newReport('FULL', 'host=db', '/pgdata', 1);
    full.modeRequested = 'AUTO';
    expect(renderSummary(full).split('\n')[0]).toBe('catchup FULL (requested AUTO): failed');
  });

  test('the discarded-work line names the user tables before the system catalogs', () => {
    const line = renderDiscarded({
      available: true, complete: true, detail: '', fromLsn: '0/1', toLsn: '0/2', walBytes: 10, records: 1, committedTransactions: 1, abortedTransactions: 0,
      firstCommitAt: 'a', lastCommitAt: 'b', databases: [{ oid: 5, name: 'postgres' }], relationsTotal: 3,
      relations: [
        { databaseOid: 5, tablespaceOid: 1663, relfilenode: 2619, database: 'postgres', name: 'pg_catalog.pg_statistic' },
        { databaseOid: 5, tablespaceOid: 1663, relfilenode: 1259, database: 'postgres', name: null },
        { databaseOid: 5, tablespaceOid: 1663, relfilenode: 16390, database: 'postgres', name: 'public.orders' },
      ],
    }, false);
    expect(line).toContain('relations: public.orders, pg_catalog.pg_statistic, relfilenode 1259');
  });

  test('--json on a refusal: the report with its error and the exit status, or what is known without one', () => {
    const r = newReport('FULL', 'host=db', '/pgdata', 1);
    r.error = { code: 'preflight-target-empty', message: 'not empty', fix: 'use an empty directory' };
    expect(JSON.parse(renderJsonFailure('catchup', Object.assign(new Error('x'), { report: r }), 1))).toMatchObject({ status: 'failed', error: r.error, exitCode: 1 });
    expect(JSON.parse(renderJsonFailure('catchup', new CatchupError('bad-port', 'Source port "x" is not a TCP port number.', 'Pass -p.'), 1)))
      .toEqual({ tool: 'pg-catchup', version: r.version, command: 'catchup', status: 'failed', error: { code: 'bad-port', message: 'Source port "x" is not a TCP port number. Pass -p.', fix: 'Pass -p.' }, exitCode: 1 });
    expect(JSON.parse(renderJsonFailure('catchup', new UsageError('--destination-pgdata is required', 'catchup'), 2)))
      .toMatchObject({ error: { code: 'usage', message: '--destination-pgdata is required', fix: 'See pg-catchup catchup --help' }, exitCode: 2 });
    expect(JSON.parse(renderJsonResult(r, 0)).exitCode).toBe(0);
  });

  test('--progress json (with a space) is --progress=json; a bare --progress stays text', () => {
    const style = (args: string[]) => transferValues(parseFlags('catchup', args, { ...TRANSFER_FLAGS }).values, 'catchup').progress;
    expect(style(['--progress', 'json'])).toBe('json');
    expect(style(['-P', 'text'])).toBe('text');
    expect(style(['--progress=json'])).toBe('json');
    expect(style(['--progress'])).toBe('text');
    expect(style([])).toBe('off');
    expect(() => style(['--progress', 'xml'])).toThrow(UsageError);
  });
});
