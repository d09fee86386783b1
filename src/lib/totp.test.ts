import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode } from './totp.ts';

// RFC 6238 appendix B test vectors (SHA1, secret "12345678901234567890"), last 6 digits.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpCode(rfcSecret, Math.floor(seconds / 30))).toBe(code);
  });

  it('round-trips base32 (RFC 4648)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts one step of drift and nothing further', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step), now)).toBe(step);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step - 1), now)).toBe(step - 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step + 1), now)).toBe(step + 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step - 3), now)).toBeUndefined();
    expect(matchTotp(rfcSecret, '12345', now)).toBeUndefined();
  });

  it('writes an otpauth URI authenticator apps read', () => {
    expect(otpauthUri('ABC', 'amara@agency.example')).toBe(
      'otpauth://totp/Continuum%3Aamara%40agency.example?secret=ABC&issuer=Continuum&algorithm=SHA1&digits=6&period=30',
    );
  });
});
