/**
 * Runs the bundled action (dist/index.js) as the runner does: INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, RUNNER_TEMP. In this process, so nock can stand in for GitHub's
 * artifact service; everything it prints is captured.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectValidReport } from './report-schema';

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'index.js');

export interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  failed: boolean;
  /** Every file the run left in RUNNER_TEMP (the report), by name. */
  files: Record<string, string>;
}

export async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-action-'));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  const runnerTemp = path.join(dir, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('ACTIONS_')) delete process.env[k];
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(process.env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: runnerTemp }, env);
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  let failed: boolean;
  try {
    process.exitCode = 0;
    let mod: { done: Promise<void> } | undefined;
    jest.isolateModules(() => {
      mod = require(DIST) as { done: Promise<void> };
    });
    await mod!.done;
    failed = process.exitCode === 1;
  } finally {
    process.stdout.write = write;
    process.env = saved;
    process.exitCode = savedExitCode;
  }
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(runnerTemp)) {
    files[name] = fs.readFileSync(path.join(runnerTemp, name), 'utf8');
    if (name.endsWith('.json')) expectValidReport(JSON.parse(files[name]));
  }
  const result = { outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')), summary: fs.readFileSync(summaryFile, 'utf8'), stdout, failed, files };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

/** GITHUB_OUTPUT's format: name<<DELIMITER, the value's lines, DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}
