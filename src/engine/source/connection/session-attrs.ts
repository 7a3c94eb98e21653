import type { Client } from 'pg';
import { CatchupError } from '../../errors';

/**
 * target_session_attrs: which of the listed servers libpq accepts. Servers 14+ report
 * in_hot_standby and default_transaction_read_only at startup; older ones are asked, as libpq asks.
 */
export type SessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby' | 'prefer-standby';
const ATTRS: SessionAttrs[] = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'];

export function sessionAttrsOf(k: Record<string, string>): SessionAttrs {
  const v = k.target_session_attrs || 'any';
  if (!ATTRS.includes(v as SessionAttrs)) {
    throw new CatchupError('conninfo-value', `target_session_attrs "${v}" is not valid.`, `Use one of ${ATTRS.join(', ')}.`);
  }
  return v as SessionAttrs;
}

/** What the server reported at startup (ParameterStatus), collected while connecting. */
export type ReportedParameters = Record<string, string>;

interface SessionState {
  readOnly: boolean;
  hotStandby: boolean;
}

async function sessionState(client: Client, reported: ReportedParameters, replication: boolean): Promise<SessionState> {
  const dtro = reported.default_transaction_read_only;
  const hot = reported.in_hot_standby;
  if (dtro !== undefined && hot !== undefined) return { readOnly: dtro === 'on' || hot === 'on', hotStandby: hot === 'on' };
  if (replication) {
    // A walsender takes SHOW but not SELECT; before 14, read-only is all it can say.
    const res = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
    const ro = res.rows[0].transaction_read_only === 'on';
    return { readOnly: ro, hotStandby: ro };
  }
  const res = await client.query<{ recovery: boolean; ro: string }>("SELECT pg_catalog.pg_is_in_recovery() AS recovery, pg_catalog.current_setting('transaction_read_only') AS ro");
  return { readOnly: res.rows[0].ro === 'on' || res.rows[0].recovery, hotStandby: res.rows[0].recovery };
}

/** Why this server does not have the wanted attributes (libpq's words), or null when it does. */
export async function sessionMismatch(client: Client, want: SessionAttrs, reported: ReportedParameters, replication: boolean): Promise<string | null> {
  if (want === 'any') return null;
  const s = await sessionState(client, reported, replication);
  switch (want) {
    case 'read-write': return s.readOnly ? 'session is read-only' : null;
    case 'read-only': return s.readOnly ? null : 'session is not read-only';
    case 'primary': return s.hotStandby ? 'server is in hot standby mode' : null;
    case 'standby':
    case 'prefer-standby': return s.hotStandby ? null : 'server is not in hot standby mode';
  }
}
