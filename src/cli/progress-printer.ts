import type { Logger } from '../engine/log';

/** Logger for a terminal: messages to stderr, progress at most every half second. */
export function terminalLogger(opts: { progress: boolean; debug: boolean }): Logger {
  let lastPrint = 0;
  let printedComplete = false;
  return {
    info: (m) => process.stderr.write(`pg-catchup: ${m}\n`),
    warn: (m) => process.stderr.write(`pg-catchup: warning: ${m}\n`),
    debug: (m) => {
      if (opts.debug) process.stderr.write(`pg-catchup: debug: ${m}\n`);
    },
    progress: opts.progress
      ? (p) => {
          const now = Date.now();
          const complete = p.bytes >= p.totalBytes && p.files >= p.totalFiles;
          if (complete ? printedComplete : now - lastPrint < 500) return;
          printedComplete = complete;
          lastPrint = now;
          const pct = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes * 100) / p.totalBytes)) : 100;
          process.stderr.write(`${Math.round(p.bytes / 1024)}/${Math.round(p.totalBytes / 1024)} kB (${pct}%), ${p.files}/${p.totalFiles} files\n`);
        }
      : undefined,
  };
}
