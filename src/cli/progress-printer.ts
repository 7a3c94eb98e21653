import { formatProgressJson, formatProgressLine, ProgressMeter, ProgressTicker } from '../adapters/progress-meter';
import type { Logger } from '../engine';

/** -P/--progress: off, lines for people, or JSON lines for machines (--progress=json). */
export type ProgressStyle = 'off' | 'text' | 'json';

// A terminal gets a line every 2 s; a log file or pipe every 10 s (no line more often than it is
// read); machines every 5 s. Each phase change is one line more.
const TERMINAL_INTERVAL_MS = 2_000;
const PIPE_INTERVAL_MS = 10_000;
const JSON_INTERVAL_MS = 5_000;

export interface TerminalLogger extends Logger {
  /** Stops the progress lines (the last one says `done`). */
  finish(): void;
}

/** Logger for a terminal: messages to stderr, progress lines on stderr at a steady pace. */
export function terminalLogger(opts: { progress: ProgressStyle | boolean; debug: boolean }): TerminalLogger {
  const style: ProgressStyle = opts.progress === true ? 'text' : opts.progress === false ? 'off' : opts.progress;
  const ticker = style === 'off' ? null : new ProgressTicker(
    new ProgressMeter(),
    (s) => process.stderr.write(`${style === 'json' ? formatProgressJson(s) : `pg-catchup: progress: ${formatProgressLine(s)}`}\n`),
    style === 'json' ? JSON_INTERVAL_MS : process.stderr.isTTY ? TERMINAL_INTERVAL_MS : PIPE_INTERVAL_MS,
  );
  ticker?.start();
  let finished = false;
  return {
    info: (m) => process.stderr.write(`pg-catchup: ${m}\n`),
    warn: (m) => process.stderr.write(`pg-catchup: warning: ${m}\n`),
    debug: (m) => {
      if (opts.debug) process.stderr.write(`pg-catchup: debug: ${m}\n`);
    },
    phase: ticker ? (name) => ticker.phase(name) : undefined,
    progress: ticker ? (p) => ticker.meter.copy(p) : undefined,
    finish: () => {
      if (!ticker || finished) return;
      finished = true;
      ticker.stop();
      ticker.phase('done');
    },
  };
}
