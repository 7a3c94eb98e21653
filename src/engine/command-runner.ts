/**
 * How the engine runs an external program (postgres --single, restore_command). The engine
 * stays free of @actions/*: the adapters pass an implementation (theirs uses @actions/exec).
 */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  run(command: string, args: string[], opts?: { input?: Buffer; cwd?: string; env?: Record<string, string> }): Promise<CommandResult>;
}
