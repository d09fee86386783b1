import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, loadConfig } from './config.ts';

describe('loadConfig: time and policy', () => {
  it("defaults to the city's time zone and the default transfer policy", () => {
    expect(loadConfig({})).toMatchObject({ timeZone: DEFAULT_TIME_ZONE, transferPolicyVersion: 'transfer-2026.1' });
    expect(loadConfig({ TIME_ZONE: 'America/Vancouver', TRANSFER_POLICY: 'transfer-2026.1' })).toMatchObject({
      timeZone: 'America/Vancouver',
    });
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(() => loadConfig({ TIME_ZONE: 'Toronto' })).toThrow(/TIME_ZONE: Toronto is not an IANA time zone/);
  });

  it('refuses an unknown transfer policy, naming the ones there are', () => {
    expect(() => loadConfig({ TRANSFER_POLICY: 'transfer-1999.1' })).toThrow(
      /TRANSFER_POLICY: no policy transfer-1999\.1; available: transfer-2026\.1/,
    );
  });

  it('picks the decent-work and matching models in force, and refuses unknown ones by name', () => {
    expect(loadConfig({})).toMatchObject({ decentWorkModelVersion: 'dw-2026.1', matchModelVersion: 'match-2026.1' });
    expect(() => loadConfig({ DECENT_WORK_MODEL: 'dw-1999.1' })).toThrow(
      /DECENT_WORK_MODEL: no model dw-1999\.1; available: dw-2026\.1/,
    );
    expect(() => loadConfig({ MATCH_MODEL: 'match-1999.1' })).toThrow(
      /MATCH_MODEL: no model match-1999\.1; available: match-2026\.1/,
    );
  });

  it('refuses the retired TRANSFER_RELEASE_DAYS rather than ignore it', () => {
    expect(() => loadConfig({ TRANSFER_RELEASE_DAYS: '3' })).toThrow(
      /TRANSFER_RELEASE_DAYS: no longer read.*TRANSFER_POLICY/,
    );
    expect(loadConfig({ TRANSFER_RELEASE_DAYS: '' }).transferPolicyVersion).toBe('transfer-2026.1');
  });
});
