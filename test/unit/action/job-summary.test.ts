import { newReport, Report } from '../../../src/engine/report/report';
import { jobSummaryHtml } from '../../../src/action/job-summary';
import { htmlTable } from '../../../src/action/html-table';

function fullReport(): Report {
  const r = newReport('FULL', 'host=db port=5432 user=app', '/var/lib/postgresql/15/main', 2);
  r.status = 'success';
  r.files.bytesCopied = 3 * 1024 * 1024 * 1024;
  r.files.bytesPlanned = 3 * 1024 * 1024 * 1024;
  r.files.walBytes = 16 * 1024 * 1024;
  r.checks.push({ id: 'target-empty', title: 'Target directory is empty', status: 'pass', detail: 'an empty directory' });
  return r;
}

describe('the job summary', () => {
  test('every cell is closed, also an empty one (core.summary.addTable leaves <td> open)', () => {
    expect(htmlTable(['a', 'b'], [['', 'x']])).toBe('<table><tr><th>a</th><th>b</th></tr><tr><td></td><td>x</td></tr></table>');
    const html = jobSummaryHtml(fullReport());
    expect(html.match(/<td>/g)?.length).toBe(html.match(/<\/td>/g)?.length);
    expect(html.match(/<th>/g)?.length).toBe(html.match(/<\/th>/g)?.length);
  });

  test('bytes for people, with the exact count after them', () => {
    const html = jobSummaryHtml(fullReport());
    expect(html).toContain('<td>3.0 GB (3221225472 bytes) / 3.0 GB (3221225472 bytes)</td>');
    expect(html).toContain('16.0 MB (16777216 bytes)');
  });

  test('a rewind is called a rewind once, not "rewind rewind"', () => {
    const r = newReport('rewind', 'host=db', '/pgdata', 1);
    r.status = 'success';
    expect(jobSummaryHtml(r)).toContain('<h2>pg-catchup rewind: success</h2>');
    expect(jobSummaryHtml(fullReport())).toContain('<h2>pg-catchup catchup FULL: success</h2>');
  });

  test('a failed step is named, with its steps, the server log and the cause; text is escaped', () => {
    const r = fullReport() as Report & { error?: { step?: string } };
    r.status = 'failed';
    r.error = { code: 'verify-timeout', message: 'The target did not reach streaming within 5 s <no walreceiver>.', step: 'verify' };
    r.nextStep = 'Fix the cause above.';
    const html = jobSummaryHtml(r, {
      steps: [{ name: 'copy', status: 'done', detail: '3 files' }, { name: 'start', status: 'done', detail: 'started' }, { name: 'verify', status: 'failed', detail: 'timeout' }],
      serverLog: { path: '/tmp/pg-catchup-target-1.log', lines: ['FATAL:  could not connect: fe_sendauth: no password supplied'], diagnosis: 'the PGDATA owner postgres has no password for the primary' },
    });
    expect(html).toContain('<h2>pg-catchup catchup FULL: failed at verify</h2>');
    expect(html).toContain('<p><b>Failed step: verify.</b> The target did not reach streaming within 5 s &lt;no walreceiver&gt;.</p>');
    expect(html).toContain('<p><b>Cause:</b> the PGDATA owner postgres has no password for the primary</p>');
    expect(html).toContain('<tr><td>verify</td><td>❌ failed</td><td>timeout</td></tr>');
    expect(html).toContain('<pre>FATAL:  could not connect: fe_sendauth: no password supplied</pre>');
    expect(html).not.toContain('pg_ctl start');
  });

  test('a failed check says what is wrong first: in the error line and in the checks table', () => {
    const r = newReport('DELTA', 'host=db', '/pgdata', 1);
    const check = { id: 'target-stopped', title: 'Target is cleanly shut down', status: 'fail' as const, detail: 'a postmaster (PID 42) is running', fix: 'pg_ctl stop -D /pgdata' };
    r.checks.push(check);
    r.error = { code: 'preflight-target-stopped', message: 'Target is cleanly shut down: a postmaster (PID 42) is running.', fix: check.fix };
    const html = jobSummaryHtml(r);
    expect(html).toContain('<b>Error:</b> a postmaster (PID 42) is running (the check "Target is cleanly shut down").');
    expect(html).toContain('<tr><td>❌ fail</td><td>a postmaster (PID 42) is running</td><td>pg_ctl stop -D /pgdata</td><td>Target is cleanly shut down</td></tr>');
  });

  test('discarded work lists the user tables before the system catalogs', () => {
    const r = newReport('rewind', 'host=db', '/pgdata', 1);
    r.discarded = {
      available: true, complete: true, detail: '', fromLsn: '0/1', toLsn: '0/2', walBytes: 2048, records: 3, committedTransactions: 1, abortedTransactions: 0,
      firstCommitAt: null, lastCommitAt: null, databases: [{ oid: 5, name: 'postgres' }], relationsTotal: 3,
      relations: [
        { databaseOid: 5, tablespaceOid: 1663, relfilenode: 1259, database: 'postgres', name: 'pg_catalog.pg_class' },
        { databaseOid: 0, tablespaceOid: 1664, relfilenode: 1262, database: '(shared catalogs)', name: null },
        { databaseOid: 5, tablespaceOid: 1663, relfilenode: 16390, database: 'postgres', name: 'public.orders' },
      ],
    };
    expect(jobSummaryHtml(r)).toContain('<td>postgres.public.orders, postgres.pg_catalog.pg_class, relfilenode 1262 in (shared catalogs)</td>');
    expect(jobSummaryHtml(r)).toContain('2.0 kB (2048 bytes)');
  });
});
