import * as core from '@actions/core';
import { parseConninfo } from '../engine/source/conninfo';

/** The action's inputs, validated once; nothing else calls core.getInput. */
export interface ActionInputs {
  backupMode: 'FULL';
  destinationPgdata: string;
  sourceConnection: string;
  threads: number;
  writeRecoveryConf: boolean;
  storePassword: boolean;
  sync: boolean;
  reportPath: string;
}

export function readInputs(): ActionInputs {
  const sourceConnection = core.getInput('source-connection', { required: true });
  // Mask the password before anything can log the connection string.
  const password = parseConninfo(sourceConnection).password;
  if (password) core.setSecret(password);

  const mode = core.getInput('backup-mode').toUpperCase() || 'FULL';
  if (mode !== 'FULL') throw new Error(`Input backup-mode: "${mode}" is not available in this version; use FULL.`);
  const threadsText = core.getInput('threads') || '1';
  if (!/^\d+$/.test(threadsText) || Number(threadsText) < 1 || Number(threadsText) > 64) {
    throw new Error(`Input threads: must be a whole number from 1 to 64, not "${threadsText}".`);
  }
  return {
    backupMode: 'FULL',
    destinationPgdata: core.getInput('destination-pgdata', { required: true }),
    sourceConnection,
    threads: Number(threadsText),
    writeRecoveryConf: core.getBooleanInput('write-recovery-conf'),
    storePassword: core.getBooleanInput('store-password'),
    sync: core.getBooleanInput('sync'),
    reportPath: core.getInput('report-path') || 'pg-catchup-report.json',
  };
}
