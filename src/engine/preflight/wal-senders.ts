import type { Client } from 'pg';
import type { CheckResult } from './check';

/** We need one wal sender for the WAL stream and one replication slot to protect it. */
export async function checkWalSenders(client: Client): Promise<CheckResult[]> {
  const res = await client.query<{ senders: string; max_senders: string; slots: string; max_slots: string }>(`
    SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'walsender') AS senders,
           current_setting('max_wal_senders') AS max_senders,
           (SELECT count(*) FROM pg_replication_slots) AS slots,
           current_setting('max_replication_slots') AS max_slots`);
  const r = res.rows[0];
  const freeSenders = Number(r.max_senders) - Number(r.senders);
  const freeSlots = Number(r.max_slots) - Number(r.slots);
  return [
    freeSenders > 0
      ? { id: 'wal-senders', title: 'Free wal senders on the source', status: 'pass', detail: `${freeSenders} of max_wal_senders = ${r.max_senders} free` }
      : { id: 'wal-senders', title: 'Free wal senders on the source', status: 'fail',
          detail: `all ${r.max_senders} wal senders are in use (max_wal_senders = ${r.max_senders})`,
          fix: 'Raise max_wal_senders on the source (restart needed) or stop an idle replication client.' },
    freeSlots > 0
      ? { id: 'replication-slots', title: 'Free replication slots on the source', status: 'pass', detail: `${freeSlots} of max_replication_slots = ${r.max_slots} free` }
      : { id: 'replication-slots', title: 'Free replication slots on the source', status: 'fail',
          detail: `all ${r.max_slots} replication slots are in use`,
          fix: 'Raise max_replication_slots on the source (restart needed) or drop an unused slot with pg_drop_replication_slot().' },
  ];
}
