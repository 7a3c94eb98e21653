/** Poll a condition instead of sleeping a fixed time. */

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** What we wait for, for the timeout message. */
  what: string;
  /** Extra detail for the timeout message (e.g. last observed value, a log tail). */
  detail?: () => string | Promise<string>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Calls `check` until it returns a value other than undefined/false and returns that value.
 * Errors thrown by `check` count as "not yet" (a server may still be starting); the last one is
 * reported on timeout.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, opts: PollOptions): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let interval = Math.min(opts.intervalMs ?? 50, 50);
  const maxInterval = opts.intervalMs ?? 250;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
    interval = Math.min(interval * 2, maxInterval);
  }
  let msg = `timed out after ${opts.timeoutMs} ms waiting for ${opts.what}`;
  if (lastError) msg += `\nlast error: ${(lastError as Error).message ?? String(lastError)}`;
  if (opts.detail) {
    try {
      msg += `\n${await opts.detail()}`;
    } catch (e) {
      msg += `\n(detail unavailable: ${(e as Error).message})`;
    }
  }
  throw new Error(msg);
}
