import fs from 'fs';
import path from 'path';
import { osUserName } from '../engine';

/** The end of the target's server log, as the job log and the summary show it. */
export interface ServerLogTail {
  /** The file the lines came from. */
  path: string;
  /** The last lines, passwords masked. */
  lines: string[];
  /** What the lines say went wrong and what to do, when we recognise it. */
  diagnosis?: string;
}

const TAIL_LINES = 20;

/**
 * The file the server really writes: pg_ctl's -l file, unless logging_collector took over (the
 * -l file then only says so), in which case PGDATA/current_logfiles names the file.
 */
export function serverLogFile(logFile: string, pgdata: string): string {
  let text = '';
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return logFile;
  }
  if (!text.includes('redirecting log output to logging collector process')) return logFile;
  try {
    const current = fs.readFileSync(path.join(pgdata, 'current_logfiles'), 'utf8');
    const stderr = /^stderr (.+)$/m.exec(current)?.[1]?.trim();
    if (stderr) return path.isAbsolute(stderr) ? stderr : path.join(pgdata, stderr);
  } catch {
    // No collector file yet: the -l file is all there is.
  }
  return logFile;
}

/** The last lines of the server log, masked, with a diagnosis of the causes users meet first. */
export function readServerLogTail(logFile: string, pgdata: string, secrets: string[]): ServerLogTail | undefined {
  const file = serverLogFile(logFile, pgdata);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(-TAIL_LINES).map((l) => maskPasswords(l, secrets));
  return { path: file, lines, diagnosis: diagnose(text, pgdata) };
}

/** Every known secret, and any password= or URI password, replaced by ***. */
export function maskPasswords(line: string, secrets: string[]): string {
  let out = line;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out
    .replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, '$1***')
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}

/**
 * The walreceiver runs as the PGDATA owner, with that user's ~/.pgpass: without a password for
 * the primary it fails with fe_sendauth, which the verify step would otherwise report as a timeout.
 */
export function diagnose(logText: string, pgdata: string): string | undefined {
  if (logText.includes('fe_sendauth: no password supplied')) {
    const user = pgdataOwner(pgdata);
    return `the PGDATA owner ${user} has no password for the primary: add it to ~${user}/.pgpass or pass the password input with store-password`;
  }
  const failedAuth = /password authentication failed for user "([^"]+)"/.exec(logText);
  if (failedAuth) return `the primary refused the password of role ${failedAuth[1]}: correct it in ~${pgdataOwner(pgdata)}/.pgpass or in the password input (with store-password)`;
  if (/no pg_hba\.conf entry for replication connection/.test(logText)) {
    return "the primary's pg_hba.conf has no replication entry for this host: add one (host replication ROLE THIS-HOST/32 scram-sha-256) and reload it";
  }
  return undefined;
}

function pgdataOwner(pgdata: string): string {
  try {
    return osUserName(fs.statSync(pgdata).uid);
  } catch {
    return 'the PostgreSQL OS user';
  }
}
