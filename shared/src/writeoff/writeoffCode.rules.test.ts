import { formatWriteoffCode, isWriteoffCodeNumber, writeoffCodeFrom } from './writeoffCode.rules.js';

describe('write-off codes', () => {
  it('are 12 digits starting with 8 and a check digit that catches a mistyped digit or a swap', () => {
    const code = writeoffCodeFrom('1234567890');
    expect(code).toMatch(/^81234567890\d$/);
    expect(isWriteoffCodeNumber(code)).toBe(true);
    const wrongDigit = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}${code.slice(6)}`;
    expect(isWriteoffCodeNumber(wrongDigit)).toBe(false);
    const swapped = `${code.slice(0, 2)}${code[3]}${code[2]}${code.slice(4)}`;
    expect(isWriteoffCodeNumber(swapped)).toBe(false);
  });

  it('are told apart from member codes and tokens', () => {
    expect(isWriteoffCodeNumber('661234567890123456')).toBe(false);
    expect(isWriteoffCodeNumber('wo1.c.abc')).toBe(false);
    expect(isWriteoffCodeNumber(writeoffCodeFrom('1234567890').replace(/^8/, '7'))).toBe(false);
  });

  it('print in groups of four', () => {
    expect(formatWriteoffCode('812345678901')).toBe('8123 4567 8901');
  });
});
