import * as core from '@actions/core';
import * as fs from 'fs';
import { catchupFull } from '../engine/modes/full';
import type { Report } from '../engine/report/report';
import { readInputs } from './inputs';
import { writeJobSummary } from './job-summary';

/** The action: inputs -> engine -> outputs, report file and job summary; one setFailed at the top. */
export async function run(): Promise<void> {
  let reportPath: string | undefined;
  let report: Report | undefined;
  try {
    const inputs = readInputs();
    reportPath = inputs.reportPath;
    report = await catchupFull({
      targetDir: inputs.destinationPgdata,
      source: { dbname: inputs.sourceConnection },
      env: process.env,
      threads: inputs.threads,
      writeRecoveryConf: inputs.writeRecoveryConf,
      storePassword: inputs.storePassword,
      sync: inputs.sync,
      logger: {
        info: (m) => core.info(m),
        warn: (m) => core.warning(m),
        debug: (m) => core.debug(m),
      },
    });
  } catch (err) {
    report = (err as { report?: Report }).report;
    core.setFailed((err as Error).message);
  } finally {
    if (report) {
      if (reportPath) fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
      core.setOutput('status', report.status);
      core.setOutput('mode', report.mode);
      core.setOutput('start-lsn', report.lsn.backupStart ?? '');
      core.setOutput('stop-lsn', report.lsn.backupStop ?? '');
      core.setOutput('files-copied', report.files.copied);
      core.setOutput('bytes-copied', report.files.bytesCopied);
      core.setOutput('duration-ms', report.durationMs);
      core.setOutput('report-path', reportPath ?? '');
      await writeJobSummary(report).catch((e) => core.warning(`job summary not written: ${(e as Error).message}`));
    }
  }
}

void run();
