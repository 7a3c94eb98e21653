import * as core from '@actions/core';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { ActionOutcome } from './action-run';
import { writeJobSummary } from './job-summary';
import { reportCheckGroups, setOutputs } from './outputs';
import { uploadReportArtifact } from './report-artifact';

/**
 * Outputs, report file, artifact and job summary, each on its own: one that cannot be written
 * (a full RUNNER_TEMP, an artifact service down) costs a warning, never the others.
 */
export async function publishOutcome(outcome: ActionOutcome, reportName: string): Promise<void> {
  const { report, serverLog } = outcome;
  reportCheckGroups(report);
  if (serverLog) {
    core.info(`last ${serverLog.lines.length} lines of the target's server log (${serverLog.path}):`);
    for (const line of serverLog.lines) core.info(`  ${line}`);
    if (serverLog.diagnosis) core.error(`the target's server log says: ${serverLog.diagnosis}`);
  }
  const reportPath = path.resolve(process.env.RUNNER_TEMP ?? os.tmpdir(), `${reportName}.json`);
  let written = false;
  try {
    fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    written = true;
  } catch (err) {
    core.warning(`report file ${reportPath} not written: ${(err as Error).message}`);
  }
  setOutputs(report, written ? reportPath : '');
  if (written) {
    try {
      const uploaded = await uploadReportArtifact(reportPath, reportName);
      core.info('skipped' in uploaded ? `report artifact not uploaded: ${uploaded.skipped}` : `report uploaded as artifact ${reportName} (id ${uploaded.id})`);
    } catch (err) {
      core.warning(`report artifact not uploaded: ${(err as Error).message}`);
    }
  }
  await writeJobSummary(report, { steps: outcome.steps.steps, serverLog }).catch((e) => core.warning(`job summary not written: ${(e as Error).message}`));
}
