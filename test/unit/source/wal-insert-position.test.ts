import { recordEndOf } from '../../../src/engine/source/server/wal-insert-position';
import { parseLsn } from '../../../src/engine/wal/lsn';

const SEG = 16 * 1024 * 1024;

describe('recordEndOf: the end of the record before an insert position', () => {
  test('inside a page, the insert position is that end', () => {
    expect(recordEndOf(parseLsn('0/78622F50'), SEG)).toBe(parseLsn('0/78622F50'));
    expect(recordEndOf(parseLsn('0/78002000'), SEG)).toBe(parseLsn('0/78002000'));
  });

  test('right after a page header, the record ended on the page boundary', () => {
    // Short header (24 bytes) on every page but a segment's first.
    expect(recordEndOf(parseLsn('0/78002018'), SEG)).toBe(parseLsn('0/78002000'));
    // Long header (40 bytes) at a segment's start.
    expect(recordEndOf(parseLsn('0/79000028'), SEG)).toBe(parseLsn('0/79000000'));
    expect(recordEndOf(parseLsn('1/00000028'), SEG)).toBe(parseLsn('1/00000000'));
  });

  test("a segment's first page has the long header only: offset 24 there is no boundary", () => {
    expect(recordEndOf(parseLsn('0/79000018'), SEG)).toBe(parseLsn('0/79000018'));
  });

  test('other segment sizes', () => {
    const seg1m = 1024 * 1024;
    expect(recordEndOf(parseLsn('0/00100028'), seg1m)).toBe(parseLsn('0/00100000'));
    expect(recordEndOf(parseLsn('0/00102018'), seg1m)).toBe(parseLsn('0/00102000'));
  });
});
