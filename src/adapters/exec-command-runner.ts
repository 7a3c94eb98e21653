import type actionsExec from '@actions/exec';
import type { CommandRunner } from '../engine';

/** The engine's external commands, run through @actions/exec (quiet: the engine reports them). */
export const execCommandRunner: CommandRunner = {
  async run(command, args, opts = {}) {
    // Required at the first command, not at start: @actions/exec and what it loads (child_process,
    // assert, @actions/io) cost ~6 ms, and most runs start no command.
    const { getExecOutput } = require('@actions/exec') as typeof actionsExec;
    const res = await getExecOutput(command, args, {
      input: opts.input,
      cwd: opts.cwd,
      env: opts.env ? { ...(process.env as Record<string, string>), ...opts.env } : undefined,
      ignoreReturnCode: true,
      silent: true,
    });
    return { exitCode: res.exitCode, stdout: res.stdout, stderr: res.stderr };
  },
};
