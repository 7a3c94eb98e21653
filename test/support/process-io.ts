/** What a CLI run wrote, as the kernel counted it (/proc/<pid>/io), for tests that bound a run's writes. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');

/** The counters of /proc/<pid>/io, in bytes (syscr/syscw are counts). */
export interface ProcessIo {
  rchar: number;
  wchar: number;
  read_bytes: number;
  /** Bytes the process caused to be written to storage (counted as it dirties page cache pages). */
  write_bytes: number;
  /** Of those, bytes that never reached storage (dirty pages of a file truncated or removed). */
  cancelled_write_bytes: number;
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  io: ProcessIo;
}

/**
 * Runs the CLI (as runCli does: node with tsx as a require hook) under a shell that prints its own
 * /proc/$$/io once the CLI has exited: a reaped child's counters are added to its parent's, so
 * the shell's counters are the CLI's (the shell writes nothing itself). Reading the CLI's own file
 * instead would miss its last writes: it is gone the moment it exits.
 */
export function runCliMeasuringIo(args: string[], opts: { timeoutMs?: number } = {}): Promise<MeasuredRun> {
  const ioFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-io-')), 'io');
  const argv = ['--require', require.resolve('tsx/cjs', { paths: [REPO] }), path.join(REPO, 'src/cli/main.ts'), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', '"$@"; rc=$?; cat /proc/$$/io > "$PG_CATCHUP_IO_FILE"; exit $rc', 'sh', process.execPath, ...argv], {
      cwd: REPO,
      env: { ...process.env, PG_CATCHUP_IO_FILE: ioFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const io = parseProcIo(fs.readFileSync(ioFile, 'utf8'));
        resolve({ code, stdout, stderr, io });
      } catch (err) {
        reject(new Error(`no /proc io counters from the run (exit ${code}): ${(err as Error).message}\n${stderr}`));
      } finally {
        fs.rmSync(path.dirname(ioFile), { recursive: true, force: true });
      }
    });
  });
}

export function parseProcIo(text: string): ProcessIo {
  const values = new Map(text.split('\n').filter(Boolean).map((l) => {
    const [k, v] = l.split(':');
    return [k.trim(), Number(v)] as const;
  }));
  const get = (k: string) => {
    const v = values.get(k);
    if (v === undefined || !Number.isFinite(v)) throw new Error(`/proc io has no ${k}: ${text}`);
    return v;
  };
  return { rchar: get('rchar'), wchar: get('wchar'), read_bytes: get('read_bytes'), write_bytes: get('write_bytes'), cancelled_write_bytes: get('cancelled_write_bytes') };
}
