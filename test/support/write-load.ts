/**
 * A schema in two databases and a continuous write load over it: inserts, updates and deletes,
 * an index on every table, sequences, and a TOASTed column whose values are stored out of line.
 */
import type { Client } from 'pg';
import type { Cluster } from './cluster';

export const LOAD_DATABASES = ['catchup_a', 'catchup_b'];

const SCHEMA_SQL = `
-- ~3.2 kB of random hex per call: with STORAGE EXTERNAL (no compression) it is always TOASTed out of line.
CREATE OR REPLACE FUNCTION big_text(n int DEFAULT 100) RETURNS text LANGUAGE sql VOLATILE AS
  $$ SELECT string_agg(md5(random()::text || clock_timestamp()::text), '') FROM generate_series(1, n) $$;
CREATE SEQUENCE IF NOT EXISTS event_seq;
CREATE TABLE IF NOT EXISTS accounts (
  id bigserial PRIMARY KEY,
  balance bigint NOT NULL DEFAULT 0,
  note text,
  updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS accounts_balance_idx ON accounts (balance);
CREATE TABLE IF NOT EXISTS events (
  id bigint PRIMARY KEY DEFAULT nextval('event_seq'),
  account_id bigint NOT NULL,
  kind text NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX IF NOT EXISTS events_account_idx ON events (account_id);
CREATE TABLE IF NOT EXISTS docs (
  id serial PRIMARY KEY,
  version int NOT NULL DEFAULT 1,
  body text NOT NULL);
ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL;
INSERT INTO accounts (balance, note)
  SELECT g, 'seed ' || g FROM generate_series(1, 1000) g WHERE NOT EXISTS (SELECT FROM accounts);
INSERT INTO docs (body) SELECT big_text() FROM generate_series(1, 20) WHERE NOT EXISTS (SELECT FROM docs);
`;

/** Create the load databases (if missing) and their schema; idempotent. Returns the database names. */
export async function prepareSchema(cluster: Cluster, databases: string[] = LOAD_DATABASES): Promise<string[]> {
  const existing = new Set((await cluster.query<{ datname: string }>('SELECT datname FROM pg_database')).map((r) => r.datname));
  for (const db of databases) {
    if (!existing.has(db)) await cluster.query(`CREATE DATABASE ${quoteIdent(db)}`);
    await cluster.query(SCHEMA_SQL, [], db);
  }
  return databases;
}

/** One transaction of the load; `i` varies the mix so every kind of change happens regularly. */
function transactionSql(i: number): string {
  const s = [
    'BEGIN',
    `WITH a AS (INSERT INTO accounts (balance, note) VALUES ((random() * 1000000)::bigint, md5(random()::text)) RETURNING id)
       INSERT INTO events (account_id, kind) SELECT id, 'open' FROM a`,
    'UPDATE accounts SET balance = balance + 1, updated_at = now() WHERE id = (SELECT (random() * max(id))::bigint FROM accounts)',
  ];
  if (i % 4 === 0) s.push('UPDATE docs SET body = big_text(), version = version + 1 WHERE id = (SELECT (random() * max(id))::int FROM docs)');
  if (i % 4 === 2) s.push('INSERT INTO docs (body) VALUES (big_text())');
  if (i % 7 === 0) s.push('DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3)');
  if (i % 11 === 0) s.push('DELETE FROM accounts WHERE id = (SELECT (random() * max(id))::bigint FROM accounts)');
  if (i % 13 === 0) s.push('DELETE FROM docs WHERE id = (SELECT min(id) FROM docs) AND (SELECT count(*) FROM docs) > 50');
  s.push('COMMIT');
  return s.join(';\n');
}

export interface WriteLoadOptions {
  databases?: string[];
  /** Concurrent sessions per database (default 1). */
  clientsPerDb?: number;
  /** Pause between transactions of one session (default 0: as fast as it goes). */
  pauseMs?: number;
  /**
   * Don't throw from stop() when a session failed, e.g. because the test crashed the server on
   * purpose; the errors are returned instead.
   */
  allowErrors?: boolean;
}

export interface WriteLoadResult {
  transactions: number;
  byDatabase: Record<string, number>;
  errors: string[];
}

export interface WriteLoad {
  /** Committed transactions so far. */
  readonly transactions: number;
  /** Stop after the current transactions finish; resolves with the totals. */
  stop(): Promise<WriteLoadResult>;
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

/** Start the load (run prepareSchema first). It runs until stop(). */
export async function startWriteLoad(cluster: Cluster, opts: WriteLoadOptions = {}): Promise<WriteLoad> {
  const databases = opts.databases ?? LOAD_DATABASES;
  const perDb = opts.clientsPerDb ?? 1;
  const byDatabase: Record<string, number> = Object.fromEntries(databases.map((d) => [d, 0]));
  const errors: string[] = [];
  let stopping = false;
  let total = 0;

  const sessions: Array<{ db: string; client: Client }> = [];
  for (const db of databases) {
    for (let k = 0; k < perDb; k++) sessions.push({ db, client: await cluster.client(db, 'pg-catchup-write-load') });
  }

  const loop = async ({ db, client }: { db: string; client: Client }, seed: number) => {
    for (let i = seed; !stopping; i++) {
      try {
        await client.query(transactionSql(i));
        byDatabase[db]++;
        total++;
      } catch (e) {
        const err = e as Error & { code?: string };
        if (err.code && RETRYABLE.has(err.code)) {
          await client.query('ROLLBACK').catch(() => undefined);
          continue;
        }
        if (!stopping) errors.push(`${db}: ${err.message}`);
        return; // connection gone or a real bug: this session is done
      }
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  };
  const running = sessions.map((s, n) => loop(s, n * 1000));

  return {
    get transactions() {
      return total;
    },
    async stop() {
      stopping = true;
      await Promise.all(running);
      await Promise.all(sessions.map((s) => s.client.end().catch(() => undefined)));
      const result = { transactions: total, byDatabase, errors };
      if (errors.length && !opts.allowErrors) {
        throw new Error(`write load on ${cluster.name} failed after ${total} transactions:\n  ${errors.join('\n  ')}`);
      }
      return result;
    },
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
