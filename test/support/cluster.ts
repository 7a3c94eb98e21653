/**
 * A real PostgreSQL server on 127.0.0.1 for integration tests: initdb'd as a primary, or wrapped
 * around an existing data directory (e.g. one pg-catchup produced). Runs as the server OS user,
 * listens on a free port, logs to a file; everything is registered for cleanup.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Client, QueryResultRow } from 'pg';
import { registerServer, unregisterDir, unregisterServer, keepDirs } from './cleanup';
import { OsUser, serverOsUser } from './os-user';
import { binDir as findBinDir, readPgVersion } from './pg-versions';
import { BindMount, inMountNamespace } from './mount-namespace';
import { freePort } from './ports';
import { waitFor } from './poll';
import { run, runSync, tail } from './run';
import { fixDataDirOwnership, giveToServerUser, makeOwnedDir, makeScratchDir, makeTargetDir, SCRATCH_PREFIX } from './scratch';
import { expectChecksumsClean } from './verify-cluster';

export type StopMode = 'fast' | 'immediate' | 'smart';

export interface PrimaryOptions {
  /** initdb -k (default true; 18 has it on by default, so false means --no-data-checksums there). */
  checksums?: boolean;
  /** wal_log_hints = on (default false). */
  walLogHints?: boolean;
  /** initdb -g: PGDATA 0750 and its files 0640, group-readable (default false). */
  groupAccess?: boolean;
  /** summarize_wal = on (PostgreSQL 17+ only; WAL summaries for incremental modes). */
  summarizeWal?: boolean;
  /** Extra postgresql.conf settings; they win over the defaults below. */
  settings?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface FromDataDirOptions {
  /** Extra settings passed on the postgres command line (-c name=value); they beat any config file. */
  settings?: Record<string, string>;
  startTimeoutMs?: number;
  /** For messages and the scratch dir name. */
  name?: string;
  /** Start the server in a private mount namespace with these bind mounts (see mount-namespace.ts). */
  mountBinds?: BindMount[];
}

/** postgresql.conf for a primary: replication-ready, crash-safe (fsync stays on). */
const PRIMARY_SETTINGS: Record<string, string> = {
  wal_level: 'replica',
  max_wal_senders: '10',
  max_replication_slots: '10',
  wal_keep_size: "'128MB'",
  max_wal_size: "'1GB'",
  min_wal_size: "'80MB'",
  // Standbys cloned from this primary inherit this file: let their read queries (data
  // comparisons) hold back vacuum on the primary instead of being cancelled by replay.
  hot_standby: 'on',
  hot_standby_feedback: 'on',
  wal_receiver_status_interval: "'1s'",
  log_line_prefix: "'%m [%p] %q%a '",
  log_checkpoints: 'on',
  // Shutdown and pg_backup_start checkpoints should not be spread out over minutes.
  checkpoint_completion_target: '0.5',
};

const PG_HBA = [
  '# written by the pg-catchup test harness',
  'local   all          all                 trust',
  'local   replication  all                 trust',
  'host    all          all   127.0.0.1/32  trust',
  'host    replication  all   127.0.0.1/32  trust',
  '',
].join('\n');

/** Quote one argument for the /bin/sh command line pg_ctl builds from -o. */
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let counter = 0;

export class Cluster {
  readonly osUser: OsUser;
  readonly logFile: string;
  readonly socketDir: string;
  private _port = 0;
  private readonly clients = new Set<Client>();
  private mountBinds: BindMount[] = [];
  private readonly ownedDirs: string[];
  /**
   * Set when a comparison found this cluster (a synced target with data checksums) equal to its
   * source: every clean stop, and the end of the test file, then checks its page checksums
   * (verify-cluster.ts), and a bad one fails like a wrong row.
   */
  verifyChecksumsOnCleanStop = false;

  private constructor(
    readonly version: number,
    readonly binDir: string,
    readonly dataDir: string,
    readonly name: string,
    runDir: string,
    ownedDirs: string[],
    private readonly cmdSettings: Record<string, string>,
    private readonly startTimeoutMs: number,
  ) {
    this.osUser = serverOsUser();
    this.socketDir = runDir;
    this.logFile = path.join(runDir, 'postgresql.log');
    this.ownedDirs = ownedDirs;
    registerServer(this);
  }

  get port(): number {
    return this._port;
  }

  /** initdb a new primary (data checksums on unless told otherwise) and start it. */
  static async createPrimary(version: number, opts: PrimaryOptions = {}): Promise<Cluster> {
    if (opts.summarizeWal && version < 17) throw new Error(`summarize_wal needs PostgreSQL 17+, not ${version}`);
    const bin = findBinDir(version);
    const name = `pg${version}-primary-${++counter}`;
    const scratch = makeScratchDir(name);
    const dataDir = path.join(scratch, 'data');
    const runDir = makeOwnedDir(path.join(scratch, 'run'));
    const c = new Cluster(version, bin, dataDir, name, runDir, [scratch], {}, opts.startTimeoutMs ?? 60_000);

    const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-locale', '-E', 'UTF8', '--no-sync'];
    if (opts.checksums ?? true) args.push('--data-checksums');
    else if (version >= 18) args.push('--no-data-checksums');
    if (opts.groupAccess) args.push('--allow-group-access');
    await run(path.join(bin, 'initdb'), args, { cwd: scratch, timeoutMs: 120_000 });

    const settings: Record<string, string> = { ...PRIMARY_SETTINGS };
    if (opts.walLogHints) settings.wal_log_hints = 'on';
    if (opts.summarizeWal) settings.summarize_wal = 'on';
    Object.assign(settings, opts.settings ?? {});
    const conf = Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n');
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# pg-catchup test harness\n${conf}\n`);
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), PG_HBA);
    giveToServerUser(path.join(dataDir, 'pg_hba.conf'));

    await c.start();
    // Every database made from template1 gets amcheck, for pg_amcheck on the synced targets
    // (verify-cluster.ts); created before any test writes, so no sync sees it as a change.
    for (const db of ['template1', 'postgres']) await c.query('CREATE EXTENSION IF NOT EXISTS amcheck', [], db);
    return c;
  }

  /**
   * Wrap an existing data directory (not started). Port, listen address, socket dir and logging are
   * always given on the postgres command line, because a cloned directory carries the primary's
   * postgresql.conf and postgresql.auto.conf.
   */
  static async fromDataDir(version: number, dataDir: string, opts: FromDataDirOptions = {}): Promise<Cluster> {
    const found = readPgVersion(dataDir);
    if (found !== version) throw new Error(`${dataDir} holds PostgreSQL ${found}, not ${version}`);
    const name = opts.name ?? `pg${version}-${++counter}`;
    const scratch = makeScratchDir(`${name}-run`);
    const runDir = makeOwnedDir(path.join(scratch, 'run'));
    // A data dir the harness made (makeTargetDir) goes with the cluster; anything else is left alone.
    const owned = [scratch];
    if (path.resolve(dataDir).includes(`${path.sep}${SCRATCH_PREFIX}`)) owned.push(path.resolve(dataDir));
    const cluster = new Cluster(version, findBinDir(version), path.resolve(dataDir), name, runDir, owned, opts.settings ?? {}, opts.startTimeoutMs ?? 60_000);
    cluster.mountBinds = opts.mountBinds ?? [];
    return cluster;
  }

  /** Whether a live postmaster owns `dataDir` (postmaster.pid names a live process). */
  static isRunningAt(dataDir: string): boolean {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return false;
    }
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  static ensureNotRunning(dataDir: string): void {
    if (Cluster.isRunningAt(dataDir)) throw new Error(`a PostgreSQL server is running in ${dataDir}`);
  }

  isRunning(): boolean {
    return Cluster.isRunningAt(this.dataDir);
  }

  describe(): string {
    return `${this.name} (PostgreSQL ${this.version}, port ${this._port || 'unassigned'}, ${this.dataDir})`;
  }

  /** Start and wait until it accepts connections (a standby: read-only ones, i.e. consistent). */
  async start(opts: { timeoutMs?: number } = {}): Promise<void> {
    if (this.isRunning()) throw new Error(`${this.describe()} is already running`);
    fixDataDirOwnership(this.dataDir);
    const timeoutMs = opts.timeoutMs ?? this.startTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      if (!this._port) this._port = await freePort();
      const logStart = this.logSize();
      const pgctl = path.join(this.binDir, 'pg_ctl');
      const args = ['start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), '-o', this.postgresOptions()];
      const wrapped = this.mountBinds.length > 0 ? inMountNamespace(this.mountBinds, pgctl, args, true) : { cmd: pgctl, args };
      const r = await run(wrapped.cmd, wrapped.args, { allowFailure: true, timeoutMs: timeoutMs + 15_000, cwd: this.socketDir, asRoot: this.mountBinds.length > 0 });
      if (r.code === 0) break;
      const log = this.logSince(logStart);
      // Another process took the port between our probe and the bind: try another one.
      if (/could not bind|Address already in use|could not create any TCP\/IP sockets/.test(log) && attempt < 4 && !this.isRunning()) {
        this._port = 0;
        continue;
      }
      throw new Error(
        `starting ${this.describe()} failed (pg_ctl exit ${r.code}):\n${tail(r.stdout + r.stderr, 10)}\n` +
          `--- server log (${this.logFile}) ---\n${tail(log || this.logTail(), 40)}`,
      );
    }
    registerServer(this);
    // pg_ctl -w has seen "ready"; make sure we can really connect before handing it out.
    await waitFor(async () => (await this.scalar('SELECT 1')) === 1, {
      timeoutMs: 10_000,
      what: `a connection to ${this.describe()}`,
      detail: () => this.logTail(20),
    });
  }

  /** Stop (default fast) and wait; a no-op if not running. Tracked clients are closed. */
  async stop(mode: StopMode = 'fast', opts: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.isRunning()) {
      await this.closeClients();
      return;
    }
    // A smart shutdown waits for sessions to end: end ours first or it waits forever.
    if (mode === 'smart') await this.closeClients();
    const timeoutMs = opts.timeoutMs ?? 60_000;
    await run(path.join(this.binDir, 'pg_ctl'), ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', String(Math.ceil(timeoutMs / 1000))], {
      timeoutMs: timeoutMs + 15_000,
      context: () => `--- server log ---\n${this.logTail(30)}`,
    });
    await this.closeClients();
    if (mode !== 'immediate' && this.verifyChecksumsOnCleanStop) await expectChecksumsClean(this);
  }

  async restart(): Promise<void> {
    await this.stop('fast');
    await this.start();
  }

  /** Promote a standby and wait until it is out of recovery. */
  async promote(timeoutMs = 60_000): Promise<void> {
    await run(path.join(this.binDir, 'pg_ctl'), ['promote', '-D', this.dataDir, '-w', '-t', String(Math.ceil(timeoutMs / 1000))], {
      timeoutMs: timeoutMs + 15_000,
      context: () => `--- server log ---\n${this.logTail(30)}`,
    });
    await waitFor(async () => (await this.scalar<boolean>('SELECT pg_is_in_recovery()')) === false, {
      timeoutMs,
      what: `${this.describe()} to leave recovery after promote`,
      detail: () => this.logTail(20),
    });
  }

  connectionString(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this._port}/${encodeURIComponent(db)}`;
  }

  /** A connected pg.Client, closed on stop()/cleanup(). Its 'error' events are absorbed (servers get killed in tests). */
  async client(db = 'postgres', applicationName = 'pg-catchup-test'): Promise<Client> {
    if (!this._port) throw new Error(`${this.describe()} was never started`);
    const client = new Client({
      host: '127.0.0.1',
      port: this._port,
      user: 'postgres',
      database: db,
      application_name: applicationName,
      connectionTimeoutMillis: 10_000,
    });
    // Without a listener, a server-side disconnect would crash the whole jest worker.
    client.on('error', () => undefined);
    client.on('end', () => this.clients.delete(client));
    this.clients.add(client);
    try {
      await client.connect();
    } catch (e) {
      this.clients.delete(client);
      throw new Error(`cannot connect to ${this.describe()} db ${db}: ${(e as Error).message}`);
    }
    return client;
  }

  /** Run one statement on a fresh connection; returns the rows. */
  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = [], db = 'postgres'): Promise<R[]> {
    const client = await this.client(db);
    try {
      return (await client.query<R>(sql, params)).rows;
    } catch (e) {
      throw new Error(`${this.name}/${db}: ${(e as Error).message}\n  in: ${sql.trim().slice(0, 300)}`);
    } finally {
      await endClient(client);
    }
  }

  /** First column of the first row (undefined if no row). */
  async scalar<T = unknown>(sql: string, params: unknown[] = [], db = 'postgres'): Promise<T> {
    const rows = await this.query(sql, params, db);
    return (rows.length ? Object.values(rows[0])[0] : undefined) as T;
  }

  /** pg_current_wal_lsn() on a primary, pg_last_wal_replay_lsn() on a standby. */
  async currentLsn(): Promise<string> {
    return this.scalar<string>('SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END::text');
  }

  async isInRecovery(): Promise<boolean> {
    return this.scalar<boolean>('SELECT pg_is_in_recovery()');
  }

  async systemIdentifier(): Promise<string> {
    return this.scalar<string>('SELECT system_identifier::text FROM pg_control_system()');
  }

  /** The last `lines` lines of the server log. */
  logTail(lines = 40): string {
    try {
      return tail(fs.readFileSync(this.logFile, 'utf8'), lines);
    } catch (e) {
      return `(no log: ${(e as Error).message})`;
    }
  }

  /** A new empty directory (0700, owned by the server user) where a clone of this cluster can go. */
  makeTargetDir(): string {
    return makeTargetDir(`pg${this.version}-target`);
  }

  /** Stop immediately, close clients, remove this cluster's directories. */
  async cleanup(): Promise<void> {
    let verifierFailure: Error | null = null;
    try {
      // A compared target's checksums are checked once more at the end (a clean stop is needed).
      if (this.verifyChecksumsOnCleanStop && this.isRunning()) {
        await this.stop('fast', { timeoutMs: 30_000 }).catch((e: Error) => { verifierFailure = e; });
      }
      await this.stop('immediate', { timeoutMs: 30_000 });
    } catch {
      this.emergencyStopSync();
    }
    await this.closeClients();
    unregisterServer(this);
    // Kept for a post-mortem.
    if (verifierFailure) throw verifierFailure;
    if (keepDirs()) return;
    for (const d of this.ownedDirs) {
      fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
      unregisterDir(d);
    }
  }

  emergencyStopSync(): void {
    if (this.isRunning()) runSync(path.join(this.binDir, 'pg_ctl'), ['stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30']);
  }

  private postgresOptions(): string {
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: this.socketDir,
      // Keep everything in our log file even if a copied postgresql.conf says otherwise.
      logging_collector: 'off',
      ...this.cmdSettings,
    };
    const parts = ['-p', String(this._port)];
    for (const [k, v] of Object.entries(settings)) parts.push('-c', shq(`${k}=${v}`));
    return parts.join(' ');
  }

  private logSize(): number {
    try {
      return fs.statSync(this.logFile).size;
    } catch {
      return 0;
    }
  }

  private logSince(offset: number): string {
    try {
      return fs.readFileSync(this.logFile).subarray(offset).toString('utf8');
    } catch {
      return '';
    }
  }

  private async closeClients(): Promise<void> {
    const all = [...this.clients];
    this.clients.clear();
    await Promise.all(all.map(endClient));
  }
}

/** client.end() can hang on a connection the server already dropped; don't wait long for it. */
async function endClient(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((r) => (timer = setTimeout(r, 2_000)));
  await Promise.race([client.end().catch(() => undefined), giveUp]);
  clearTimeout(timer);
}
