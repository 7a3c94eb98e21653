import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { takeOverNotice, TargetLock } from '../pgdata/target-lock';
import { checkTargetDirectory } from '../preflight/target-directory';
import type { Report } from '../report/report';

/** First of all: a target that belongs to another user is named as such, not as an EACCES on our lock. */
export function assertTargetOwnership(targetDir: string): void {
  const ownership = checkTargetDirectory(targetDir);
  if (ownership.status === 'fail') throw new CatchupError('target-directory', `${ownership.detail}.`, ownership.fix);
}

/** The target's lock (design rule 7's "one run per target"); taking over a dead run's lock is said at once and in the report. */
export function takeLock(targetDir: string, report: Report, logger: Logger): TargetLock {
  const lock = TargetLock.acquire(targetDir);
  const notice = takeOverNotice(lock, targetDir);
  if (notice) {
    logger.info(`notice: ${notice}`);
    report.warnings.push(notice);
  }
  return lock;
}
