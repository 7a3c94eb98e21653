import { CatchupError } from '../../errors';

/**
 * What libpq can do and node-postgres cannot: refused in one line with the alternative, never
 * silently dropped. Keywords that only tune what Node cannot tune are returned as notices.
 */
export function refuseUnsupported(k: Record<string, string>): void {
  const refuse = (what: string, fix: string) => {
    throw new CatchupError('conninfo-unsupported', `${what}: pg-catchup connects with node-postgres, which cannot do it.`, fix);
  };
  if (k.gssencmode === 'require') refuse('gssencmode=require asks for GSSAPI (Kerberos) encryption', 'Use TLS instead: sslmode=verify-full (and gssencmode=disable or prefer).');
  if (k.gssencmode !== undefined && !['disable', 'prefer', 'require'].includes(k.gssencmode)) {
    throw new CatchupError('conninfo-value', `gssencmode "${k.gssencmode}" is not valid.`, 'Use disable, prefer or require.');
  }
  if (k.requirepeer) refuse('requirepeer checks the server process\'s OS user on a Unix socket', 'Drop requirepeer, or connect over TCP with sslmode=verify-full.');
  if (k.sslcertmode === 'require') refuse('sslcertmode=require fails when the server does not ask for the client certificate', 'Use sslcertmode=allow, and clientcert=verify-full in the source\'s pg_hba.conf.');
  if (k.sslcertmode !== undefined && !['disable', 'allow', 'require'].includes(k.sslcertmode)) {
    throw new CatchupError('conninfo-value', `sslcertmode "${k.sslcertmode}" is not valid.`, 'Use disable, allow or require.');
  }
  if (k.sslkey && /^[^/.][^/]*:/.test(k.sslkey)) refuse(`sslkey="${k.sslkey}" names an OpenSSL engine key`, 'Give sslkey a PEM key file.');
  if (k.replication !== undefined) {
    throw new CatchupError('conninfo-value', 'The connection string sets replication, which pg-catchup sets itself per connection.', 'Drop replication= from it.');
  }
  const enc = k.client_encoding;
  if (enc && !/^(utf-?8|unicode|auto)$/i.test(enc)) refuse(`client_encoding=${enc} would change how the server sends text`, 'Drop client_encoding (pg-catchup reads names as UTF8).');
  if (k.sslnegotiation !== undefined && !['postgres', 'direct'].includes(k.sslnegotiation)) {
    throw new CatchupError('conninfo-value', `sslnegotiation "${k.sslnegotiation}" is not valid.`, 'Use postgres or direct.');
  }
  if (k.load_balance_hosts !== undefined && !['disable', 'random'].includes(k.load_balance_hosts)) {
    throw new CatchupError('conninfo-value', `load_balance_hosts "${k.load_balance_hosts}" is not valid.`, 'Use disable or random.');
  }
  for (const key of ['connect_timeout', 'keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout']) {
    if (k[key] !== undefined && k[key] !== '' && !/^\s*-?\d+\s*$/.test(k[key])) {
      throw new CatchupError('conninfo-value', `${key} "${k[key]}" is not a whole number.`, `Give ${key} in whole seconds (or 0/1 for keepalives).`);
    }
  }
}

/** Keywords whose setting Node cannot apply: said in the log rather than ignored silently. */
export function connectionNotices(k: Record<string, string>): string[] {
  const notices: string[] = [];
  for (const key of ['keepalives_interval', 'keepalives_count', 'tcp_user_timeout']) {
    if (k[key]) notices.push(`${key}=${k[key]} is not applied (Node sets only keepalives and keepalives_idle); the system default is used`);
  }
  for (const key of ['krbsrvname', 'gsslib', 'gssdelegation']) {
    if (k[key]) notices.push(`${key} is not used: pg-catchup has no GSSAPI`);
  }
  return notices;
}
