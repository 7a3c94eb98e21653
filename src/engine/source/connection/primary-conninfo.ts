import { Conninfo, formatConninfo } from '../conninfo';

/**
 * What a standby needs to reach the primary the way this run did: the host list and
 * target_session_attrs (so it follows a failover), TLS and authentication settings, the service.
 * Never dbname (a walreceiver ignores it) nor our own application_name.
 */
const FOLLOWED_KEYWORDS = [
  'user', 'passfile', 'service', 'host', 'hostaddr', 'port',
  'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'sslcrl', 'sslcrldir', 'sslsni', 'sslcompression', 'sslcertmode', 'sslnegotiation',
  'ssl_min_protocol_version', 'ssl_max_protocol_version', 'channel_binding', 'require_auth', 'gssencmode', 'krbsrvname', 'gsslib',
  'target_session_attrs', 'load_balance_hosts', 'application_name', 'connect_timeout', 'options',
  'keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout',
];

/** Secrets: written only when the user asked for the password to be stored. */
const SECRET_KEYWORDS = ['password', 'sslpassword'];

/**
 * primary_conninfo for a standby of the source, as pg_basebackup -R writes it: the password
 * only when the user asked for it to be stored, otherwise the standby uses its .pgpass.
 */
export function primaryConninfo(keywords: Conninfo, storePassword: boolean): string {
  const kept: Conninfo = {};
  for (const key of FOLLOWED_KEYWORDS) {
    if (keywords[key] !== undefined && keywords[key] !== '' && !(key === 'application_name' && keywords[key] === 'pg-catchup')) kept[key] = keywords[key];
  }
  if (storePassword) {
    for (const key of SECRET_KEYWORDS) if (keywords[key]) kept[key] = keywords[key];
  }
  return formatConninfo(kept);
}
