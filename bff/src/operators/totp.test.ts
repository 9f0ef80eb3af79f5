import { matchTotp, otpauthUri, totpCode, totpStep } from './totp';

// RFC 6238 appendix B, SHA-1, secret "12345678901234567890" in base32; our codes are the last 6 of its 8 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('accepts one step of drift either way, once', () => {
    const at = new Date(1111111109 * 1000);
    const step = totpStep(at);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), at, 0)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), at, 0)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), at, 0)).toBeNull();
    // A code whose step was already used does not work again.
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), at, step)).toBeNull();
  });

  it('describes the secret for authenticator apps', () => {
    expect(otpauthUri(RFC_SECRET, 'alice', 'Cakeday')).toBe(
      'otpauth://totp/Cakeday%3Aalice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Cakeday&algorithm=SHA1&digits=6&period=30',
    );
  });
});
