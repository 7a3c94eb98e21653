/**
 * Everything the harness starts or creates is registered here and removed even when a test fails:
 * `useClusters()` hooks `cleanupAll` into jest's afterAll, and a process 'exit'/signal fallback
 * stops any server still running (pg_ctl stop -m immediate) and removes the temp dirs.
 * Set PG_CATCHUP_KEEP=1 to keep the directories (servers are still stopped) for post-mortems.
 */
import * as fs from 'fs';

/** A running (or possibly running) server. */
export interface ServerResource {
  describe(): string;
  /** Stop immediately, close clients; must not throw. */
  cleanup(): Promise<void>;
  /** Last-resort synchronous stop for process exit; must not throw. */
  emergencyStopSync(): void;
}

const servers: ServerResource[] = [];
const dirs: string[] = [];
const actions: Array<() => unknown> = [];
let exitHookInstalled = false;

export const keepDirs = (): boolean => /^(1|true|yes)$/i.test(process.env.PG_CATCHUP_KEEP ?? '');

export function registerServer(s: ServerResource): void {
  installExitHook();
  if (!servers.includes(s)) servers.push(s);
}

export function unregisterServer(s: ServerResource): void {
  const i = servers.indexOf(s);
  if (i >= 0) servers.splice(i, 1);
}

/** A directory removed (rm -rf) on cleanup. */
export function registerDir(dir: string): void {
  installExitHook();
  if (!dirs.includes(dir)) dirs.push(dir);
}

export function unregisterDir(dir: string): void {
  const i = dirs.indexOf(dir);
  if (i >= 0) dirs.splice(i, 1);
}

/** Any extra cleanup action (run after servers stop, before directories go). */
export function registerCleanup(fn: () => unknown): void {
  installExitHook();
  actions.push(fn);
}

/** Stop every registered server, run registered actions, remove registered directories. */
export async function cleanupAll(): Promise<void> {
  const errors: string[] = [];
  // Newest first: standbys built from a primary go before it.
  for (const s of servers.splice(0).reverse()) {
    try {
      await s.cleanup();
    } catch (e) {
      errors.push(`${s.describe()}: ${(e as Error).message}`);
    }
  }
  for (const fn of actions.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      errors.push(`cleanup action: ${(e as Error).message}`);
    }
  }
  removeDirs(errors);
  if (errors.length) throw new Error(`cleanup problems:\n  ${errors.join('\n  ')}`);
}

function removeDirs(errors: string[]): void {
  const list = dirs.splice(0).reverse();
  if (keepDirs()) {
    if (list.length) process.stderr.write(`PG_CATCHUP_KEEP: kept ${list.join(' ')}\n`);
    return;
  }
  for (const d of list) {
    try {
      fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      errors.push(`rm -rf ${d}: ${(e as Error).message}`);
    }
  }
}

function cleanupSync(): void {
  for (const s of servers.splice(0).reverse()) s.emergencyStopSync();
  removeDirs([]);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', cleanupSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanupSync();
      process.removeListener(sig, onSignal);
      // Re-raise only if nobody else handles it, so the default (terminate) still happens.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/**
 * For a jest test file: `const env = useClusters();` registers afterAll(cleanupAll). The returned
 * object can also clean up early (e.g. in afterEach).
 */
export function useClusters(): { cleanup: () => Promise<void> } {
  afterAll(cleanupAll);
  return { cleanup: cleanupAll };
}
