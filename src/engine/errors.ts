/**
 * Every refusal names the problem and the way out (style: pg_rewind's messages).
 * Adapters print `message`; `fix` is the next thing the user should do.
 */
export class CatchupError extends Error {
  readonly code: string;
  readonly fix: string | undefined;

  constructor(code: string, problem: string, fix?: string) {
    super(fix ? `${problem} ${fix}` : problem);
    this.name = 'CatchupError';
    this.code = code;
    this.fix = fix;
  }
}

export function isCatchupError(err: unknown): err is CatchupError {
  return err instanceof CatchupError;
}

/** The message of anything thrown, for logs and reports. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
