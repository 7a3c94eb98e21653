/** Waiting for streaming replication: a walsender in state 'streaming', a standby caught up to an LSN. */
import type { Cluster } from './cluster';
import { waitFor } from './poll';

/**
 * Wait until `standby` has replayed everything the primary has written so far (the primary's
 * pg_current_wal_lsn() now, or `lsn` if given). Returns the LSN waited for.
 */
export async function waitForReplay(primary: Cluster, standby: Cluster, timeoutMs = 30_000, lsn?: string): Promise<string> {
  const target = lsn ?? (await primary.currentLsn());
  let last = '(none)';
  await waitFor(
    async () => {
      const row = (
        await standby.query<{ replay: string | null; done: boolean | null }>(
          'SELECT pg_last_wal_replay_lsn()::text AS replay, pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
          [target],
        )
      )[0];
      last = row.replay ?? '(null: not in recovery?)';
      return row.done === true;
    },
    {
      timeoutMs,
      what: `${standby.name} to replay up to ${target} from ${primary.name}`,
      detail: async () => `standby replayed up to ${last}\n--- standby log ---\n${standby.logTail(20)}\n--- primary log ---\n${primary.logTail(10)}`,
    },
  );
  return target;
}

export interface WalSenderRow {
  pid: number;
  application_name: string;
  state: string;
  sent_lsn: string | null;
  replay_lsn: string | null;
}

/** Wait until the primary has a walsender in state 'streaming' (optionally for one application_name). */
export async function waitForStreaming(primary: Cluster, timeoutMs = 30_000, applicationName?: string): Promise<WalSenderRow> {
  let seen: WalSenderRow[] = [];
  return waitFor(
    async () => {
      seen = await primary.query<WalSenderRow>(
        'SELECT pid, application_name, state, sent_lsn::text, replay_lsn::text FROM pg_stat_replication',
      );
      return seen.find((r) => r.state === 'streaming' && (applicationName === undefined || r.application_name === applicationName));
    },
    {
      timeoutMs,
      what: `a streaming walsender on ${primary.name}${applicationName ? ` for ${applicationName}` : ''}`,
      detail: () => `pg_stat_replication: ${JSON.stringify(seen)}\n--- primary log ---\n${primary.logTail(15)}`,
    },
  );
}
