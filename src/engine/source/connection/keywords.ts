/**
 * libpq's connection keywords (PostgreSQL 15, plus what 16 and 17 added) and the environment
 * variable that supplies each when neither the connection string nor a service file does.
 * Unknown keywords are refused, as libpq refuses them. Built-in defaults (sslmode=prefer, port
 * 5432, ...) are applied where each keyword is used.
 */
export interface KeywordSpec {
  env?: string;
}

export const LIBPQ_KEYWORDS: Record<string, KeywordSpec> = {
  service: { env: 'PGSERVICE' },
  user: { env: 'PGUSER' },
  password: { env: 'PGPASSWORD' },
  passfile: { env: 'PGPASSFILE' },
  channel_binding: { env: 'PGCHANNELBINDING' },
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
  sslcompression: { env: 'PGSSLCOMPRESSION' },
  sslcert: { env: 'PGSSLCERT' },
  sslkey: { env: 'PGSSLKEY' },
  sslcertmode: { env: 'PGSSLCERTMODE' },
  sslpassword: {},
  sslrootcert: { env: 'PGSSLROOTCERT' },
  sslcrl: { env: 'PGSSLCRL' },
  sslcrldir: { env: 'PGSSLCRLDIR' },
  sslsni: { env: 'PGSSLSNI' },
  sslnegotiation: { env: 'PGSSLNEGOTIATION' },
  requirepeer: { env: 'PGREQUIREPEER' },
  require_auth: { env: 'PGREQUIREAUTH' },
  ssl_min_protocol_version: { env: 'PGSSLMINPROTOCOLVERSION' },
  ssl_max_protocol_version: { env: 'PGSSLMAXPROTOCOLVERSION' },
  gssencmode: { env: 'PGGSSENCMODE' },
  krbsrvname: { env: 'PGKRBSRVNAME' },
  gsslib: { env: 'PGGSSLIB' },
  gssdelegation: { env: 'PGGSSDELEGATION' },
  replication: {},
  target_session_attrs: { env: 'PGTARGETSESSIONATTRS' },
  load_balance_hosts: { env: 'PGLOADBALANCEHOSTS' },
};

export function isLibpqKeyword(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIBPQ_KEYWORDS, name);
}
