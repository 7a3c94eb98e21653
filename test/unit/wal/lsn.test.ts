import { formatLsn, InvalidLsn, isLsnText, parseLsn } from '../../../src/engine/wal/lsn';

describe('parseLsn', () => {
  it('reads both 32-bit halves as hex', () => {
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
    expect(parseLsn('0/0')).toBe(InvalidLsn);
    expect(parseLsn('FFFFFFFF/FFFFFFFF')).toBe((1n << 64n) - 1n);
    expect(parseLsn('0/1773908')).toBe(0x1773908n);
  });

  it('accepts lower case and surrounding whitespace', () => {
    expect(parseLsn(' 1a/b ')).toBe((0x1an << 32n) | 0xbn);
  });

  it.each(['', '0', '/0', '0/', '1/2/3', '123456789/0', '0/123456789', 'G/0', '-1/0', '0x1/0', '1 /2'])(
    'rejects %p with a message that shows the expected form',
    (text) => {
      expect(() => parseLsn(text)).toThrow(/invalid LSN .*expected two hexadecimal halves/);
    },
  );
});

describe('formatLsn', () => {
  it('prints upper-case hex halves without zero padding, as PostgreSQL does', () => {
    expect(formatLsn(0x16b374d848n)).toBe('16/B374D848');
    expect(formatLsn(0n)).toBe('0/0');
    expect(formatLsn(0x100000000n)).toBe('1/0');
    expect(formatLsn(0x1501918n)).toBe('0/1501918');
  });

  it('round-trips with parseLsn', () => {
    for (const text of ['0/0', 'A/1', 'FFFFFFFF/FFFFFFFF', '16/B374D848', '0/1000000']) {
      expect(formatLsn(parseLsn(text))).toBe(text);
    }
  });

  it('refuses values outside 64 bits', () => {
    expect(() => formatLsn(-1n)).toThrow(/outside the 64-bit range/);
    expect(() => formatLsn(1n << 64n)).toThrow(/outside the 64-bit range/);
  });
});

describe('isLsnText', () => {
  it('tells valid LSN text apart', () => {
    expect(isLsnText('0/15019A0')).toBe(true);
    expect(isLsnText('15019A0')).toBe(false);
  });
});
