import type { Client } from 'pg';
import type { Logger } from '../log';
import type { Plan } from '../plan/plan';
import { scheduleReads } from '../plan/read-batches';
import { readRanges } from '../source/file-reader';
import { TargetWriter } from './target-writer';

export interface CopyResult {
  filesCopied: number;
  bytesCopied: number;
}

/**
 * Carries out a plan's directories and whole-file copies: each reader connection takes the
 * next batch from a shared queue, so -j N keeps N connections busy until the queue is empty.
 */
export async function executeCopy(plan: Plan, readers: Client[], writer: TargetWriter, logger: Logger): Promise<CopyResult> {
  for (const dir of plan.directories) await writer.makeDirectory(dir);

  const schedule = scheduleReads(plan.files);
  for (const [path, pieces] of schedule.piecesPerFile) writer.expect(path, pieces);
  const totalFiles = plan.files.length;
  let next = 0;
  let failed = false;
  const report = () =>
    logger.progress?.({ bytes: writer.bytesWritten, totalBytes: plan.bytesToCopy, files: writer.filesWritten, totalFiles });

  const worker = async (client: Client) => {
    while (!failed && next < schedule.batches.length) {
      const batch = schedule.batches[next++];
      await readRanges(client, batch, async (index, offset, data) => {
        await writer.writePiece(batch[index].path, offset, data);
        report();
      });
    }
  };
  try {
    await Promise.all(readers.map((c) => worker(c).catch((err) => { failed = true; throw err; })));
    await writer.flush();
  } catch (err) {
    await writer.abandon();
    throw err;
  }
  report();
  return { filesCopied: writer.filesWritten, bytesCopied: writer.bytesWritten };
}
