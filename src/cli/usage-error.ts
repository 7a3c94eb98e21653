/** Bad command-line input: exit code 2 and a hint to --help, like PostgreSQL's tools. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
