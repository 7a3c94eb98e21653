import fs from 'fs';
import path from 'path';
import type { CommandRunner } from '../engine';

/**
 * pg_rewind's --config-file: when the target's postgresql.conf lives outside its data directory
 * (Debian's /etc/postgresql/N/main, for one), every postgres the rewind starts on the target
 * (single-user crash recovery, `postgres -C restore_command` for -c) must read that file, or it
 * runs with the wrong settings or finds none. pg_rewind adds `-c config_file=FILE` to those
 * commands; this runner does the same to every postgres run on `-D targetDir`, directly or
 * through `runuser -u OWNER --`, and leaves other commands (postgres -V, restore_command) as they are.
 */
export function withTargetConfigFile(runner: CommandRunner, targetDir: string, configFile: string): CommandRunner {
  const target = realPath(targetDir);
  const setting = `config_file=${path.resolve(configFile)}`;
  return {
    run(command, args, opts) {
      if (isPostgres(command)) return runner.run(command, addConfigFile(args, target, setting), opts);
      const program = command === 'runuser' ? args.indexOf('--') + 1 : 0;
      if (program > 0 && program < args.length && isPostgres(args[program])) {
        const rest = addConfigFile(args.slice(program + 1), target, setting);
        return runner.run(command, [...args.slice(0, program + 1), ...rest], opts);
      }
      return runner.run(command, args, opts);
    },
  };
}

function isPostgres(program: string): boolean {
  return path.basename(program) === 'postgres';
}

/** `-D DIR` on the target, then `-c config_file=FILE` right after it: before single-user mode's trailing database name. */
function addConfigFile(args: string[], target: string, setting: string): string[] {
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] === '-D' && realPath(args[i + 1]) === target) {
      return [...args.slice(0, i + 2), '-c', setting, ...args.slice(i + 2)];
    }
  }
  return args;
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The file must be there to be read: said now, rather than as a failed crash recovery later. */
export function checkConfigFile(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return `--config-file: cannot read "${file}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): give the target's postgresql.conf`;
  }
  return stat.isFile() ? null : `--config-file: "${file}" is not a file: give the target's postgresql.conf`;
}
