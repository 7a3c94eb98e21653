/**
 * libpq's connection keywords (PostgreSQL 15, plus what 16 and 17 added), the environment
 * variable that supplies each when neither the connection string nor a service file does, and
 * libpq's built-in default. Unknown keywords are refused, as libpq refuses them.
 */
export interface KeywordSpec {
  env?: string;
  /** libpq's compiled-in default, applied last. */
  fallback?: string;
}

export const LIBPQ_KEYWORDS: Record<string, KeywordSpec> = {
  service: { env: 'PGSERVICE' },
  user: { env: 'PGUSER' },
  password: { env: 'PGPASSWORD' },
  passfile: { env: 'PGPASSFILE' },
  channel_binding: { env: 'PGCHANNELBINDING', fallback: 'prefer' },
  connect_timeout: { env: 'PGCONNECT_TIMEOUT' },
  dbname: { env: 'PGDATABASE' },
  host: { env: 'PGHOST' },
  hostaddr: { env: 'PGHOSTADDR' },
  port: { env: 'PGPORT' },
  client_encoding: { env: 'PGCLIENTENCODING' },
  options: { env: 'PGOPTIONS' },
  application_name: { env: 'PGAPPNAME' },
  fallback_application_name: {},
  keepalives: {},
  keepalives_idle: {},
  keepalives_interval: {},
  keepalives_count: {},
  tcp_user_timeout: {},
  sslmode: { env: 'PGSSLMODE' },
  requiressl: { env: 'PGREQUIRESSL' },
  sslcompression: { env: 'PGSSLCOMPRESSION', fallback: '0' },
  sslcert: { env: 'PGSSLCERT' },
  sslkey: { env: 'PGSSLKEY' },
  sslcertmode: { env: 'PGSSLCERTMODE', fallback: 'allow' },
  sslpassword: {},
  sslrootcert: { env: 'PGSSLROOTCERT' },
  sslcrl: { env: 'PGSSLCRL' },
  sslcrldir: { env: 'PGSSLCRLDIR' },
  sslsni: { env: 'PGSSLSNI', fallback: '1' },
  sslnegotiation: { env: 'PGSSLNEGOTIATION', fallback: 'postgres' },
  requirepeer: { env: 'PGREQUIREPEER' },
  require_auth: { env: 'PGREQUIREAUTH' },
  ssl_min_protocol_version: { env: 'PGSSLMINPROTOCOLVERSION', fallback: 'TLSv1.2' },
  ssl_max_protocol_version: { env: 'PGSSLMAXPROTOCOLVERSION' },
  gssencmode: { env: 'PGGSSENCMODE', fallback: 'prefer' },
  krbsrvname: { env: 'PGKRBSRVNAME' },
  gsslib: { env: 'PGGSSLIB' },
  gssdelegation: { env: 'PGGSSDELEGATION', fallback: '0' },
  replication: {},
  target_session_attrs: { env: 'PGTARGETSESSIONATTRS', fallback: 'any' },
  load_balance_hosts: { env: 'PGLOADBALANCEHOSTS', fallback: 'disable' },
};

export function isLibpqKeyword(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIBPQ_KEYWORDS, name);
}
