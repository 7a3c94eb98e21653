import { describeDiscarded, timestampTzToIso } from '../../../src/engine/divergence/discarded-report';

describe('reporting what a sync discards', () => {
  test('TimestampTz (µs since 2000-01-01 UTC) to ISO', () => {
    expect(timestampTzToIso(0n)).toBe('2000-01-01T00:00:00.000Z');
    expect(timestampTzToIso(86_400_000_000n + 1_500n)).toBe('2000-01-02T00:00:00.001Z');
    expect(timestampTzToIso(null)).toBeNull();
  });

  test('one line with the commits, their time range, the databases and the relations', () => {
    const line = describeDiscarded({
      available: true, complete: true, detail: '', fromLsn: '0/3000000', toLsn: '0/3100000', walBytes: 1048576, records: 10,
      committedTransactions: 2, abortedTransactions: 0, firstCommitAt: 'A', lastCommitAt: 'B',
      databases: [{ oid: 5, name: 'postgres' }, { oid: 16384, name: null }],
      relations: [{ databaseOid: 5, tablespaceOid: 1663, relfilenode: 16385, database: 'postgres', name: 'public.t' }, { databaseOid: 5, tablespaceOid: 1663, relfilenode: 16999, database: 'postgres', name: null }],
      relationsTotal: 2,
    }, true);
    expect(line).toBe("this run would discard the target's work after the fork: 2 committed transactions (A .. B), 0 aborted; WAL 0/3000000..0/3100000 (1.0 MB); databases: postgres, oid 16384; relations: public.t, relfilenode 16999");
    expect(describeDiscarded({ available: false, detail: 'why' }, false)).toBe("what the target's branch held is not known: why");
  });
});
