/** Where the engine reports what it does; adapters decide how to show it. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** A new phase of the run begins (the report's phases, as they start). */
  phase?(name: string): void;
  /** Copy progress; called often, so adapters should throttle what they print. */
  progress?(done: { bytes: number; totalBytes: number; files: number; totalFiles: number }): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
};
