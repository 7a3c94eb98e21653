import { verifyPage } from '../checksums/page-checksum';
import { parseRelationPath } from '../pgdata/relation-path';
import { RangeReader, readRanges } from './range-reader';
import { formatLsn, Lsn } from '../wal/lsn';
import { PageValidator } from './page-validator';
import type { TargetWriter } from './target-writer';

export interface CorruptPage {
  path: string;
  blockNo: number;
  lsn: string;
  reason: string;
  storedChecksum: number;
  computedChecksum: number;
}

export interface ValidationResult {
  pagesValidated: number;
  /** Still bad after a re-read, with an LSN before the backup start: corruption on the source. */
  corrupt: CorruptPage[];
  /** Bad when first read, good when read again: pages caught mid-write (rule 9). */
  rereadFixed: number;
  /** Still bad, but with an LSN after the backup start: replay of the shipped WAL overwrites them. */
  tornAfterStart: number;
}

/**
 * Design rule 9 during a copy: every relation page read from a source with data checksums is
 * checked in worker threads beside the copy. At the end, each bad page is read once more: a page
 * caught mid-write reads good the second time (and that copy is kept); one still bad with an LSN
 * before the backup start is corruption on the source and is reported with its location.
 */
export class CopyValidation {
  private readonly validator: PageValidator;
  private readonly relations = new Map<string, { firstBlock: number } | null>();
  private pages = 0;

  constructor(threads: number, private readonly blockSize: number, private readonly relsegSize: number) {
    this.validator = PageValidator.start(threads, blockSize);
  }

  /** Pages handed to the validator so far. */
  get pagesChecked(): number {
    return this.pages;
  }

  /**
   * The pages of a piece starting at `offset` of `path`, as its bytes arrive: whole pages are
   * handed over where they lie, and a page split between two network chunks is joined first.
   * Null when the file holds no checksummed pages (or the piece does not start on a page).
   */
  startPiece(path: string, offset: number): ((bytes: Buffer) => void) | null {
    const rel = this.relationOf(path);
    const bs = this.blockSize;
    if (!rel || offset % bs !== 0) return null;
    let block = rel.firstBlock + offset / bs;
    let carry: Buffer | null = null;
    let carried = 0;
    const submit = (pages: Buffer) => {
      this.validator.validate(path, block, pages);
      block += pages.length / bs;
      this.pages += pages.length / bs;
    };
    return (bytes) => {
      let i = 0;
      if (carried > 0) {
        i = Math.min(bs - carried, bytes.length);
        bytes.copy(carry!, carried, 0, i);
        carried += i;
        if (carried < bs) return;
        submit(carry!);
        carried = 0;
      }
      const whole = Math.floor((bytes.length - i) / bs) * bs;
      if (whole > 0) submit(bytes.subarray(i, i + whole));
      i += whole;
      if (i < bytes.length) {
        carry ??= Buffer.allocUnsafe(bs);
        carried = bytes.copy(carry, 0, i);
      }
    };
  }

  /** A promise to await before reading on while the workers are behind; null when they are not. */
  ready(): Promise<void> | null {
    return this.validator.full ? this.validator.backpressure() : null;
  }

  /** A whole piece just read (a trailing partial page is ignored). */
  async check(path: string, offset: number, data: Buffer): Promise<void> {
    this.startPiece(path, offset)?.(data);
    await this.validator.backpressure();
  }

  private relationOf(path: string): { firstBlock: number } | null {
    let rel = this.relations.get(path);
    if (rel === undefined) {
      const parsed = parseRelationPath(path);
      rel = parsed && !parsed.isTemp ? { firstBlock: parsed.segmentNo * this.relsegSize } : null;
      this.relations.set(path, rel);
    }
    return rel;
  }

  /** Waits for the workers, re-reads every bad page once through `reader`, and classifies them. */
  async finish(reader: RangeReader, writer: TargetWriter, startLsn: Lsn): Promise<ValidationResult> {
    const bad = await this.validator.drain();
    const result: ValidationResult = { pagesValidated: this.pages, corrupt: [], rereadFixed: 0, tornAfterStart: 0 };
    if (bad.length === 0) return result;
    const ranges = bad.map((b) => {
      const rel = this.relations.get(b.path)!;
      return { path: b.path, offset: (b.blockNo - rel.firstBlock) * this.blockSize, length: this.blockSize };
    });
    const again = new Map<number, Buffer | null>();
    await readRanges(reader, ranges, async (i, _off, data) => {
      again.set(i, data);
    });
    for (let i = 0; i < bad.length; i++) {
      const page = again.get(i);
      const verdict = page && page.length === this.blockSize ? verifyPage(page, 0, bad[i].blockNo, this.blockSize) : null;
      if (verdict?.ok) {
        writer.expect(ranges[i].path, 1, 'patch');
        await writer.writePiece(ranges[i].path, ranges[i].offset, page!);
        result.rereadFixed++;
        continue;
      }
      const seen = verdict && !verdict.ok ? verdict : bad[i];
      if (seen.lsn >= startLsn) {
        result.tornAfterStart++;
        continue;
      }
      result.corrupt.push({
        path: bad[i].path, blockNo: bad[i].blockNo, lsn: formatLsn(seen.lsn), reason: seen.reason,
        storedChecksum: seen.stored, computedChecksum: seen.computed,
      });
    }
    return result;
  }

  async close(): Promise<void> {
    await this.validator.close();
  }
}
