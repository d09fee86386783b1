import { describe, expect, it } from 'vitest';
import { detectLanguage, interpolate, translate, translatePlural } from './translate.ts';

describe('detectLanguage', () => {
  it.each([
    [null, 'fr-CA', 'fr'],
    [null, 'fr', 'fr'],
    [null, 'FR-fr', 'fr'],
    [null, 'en-CA', 'en'],
    [null, 'es-MX', 'en'],
    [null, undefined, 'en'],
    ['en', 'fr-CA', 'en'],
    ['fr', 'en-US', 'fr'],
    ['de', 'fr-CA', 'fr'],
  ] as const)('stored %s, browser %s → %s', (stored, browser, expected) => {
    expect(detectLanguage(stored, browser)).toBe(expected);
  });
});

describe('translate', () => {
  it('interpolates names and formats numbers for the language', () => {
    expect(interpolate('en', '{n} of {m}', { n: 1234, m: 'x' })).toBe('1,234 of x');
    expect(interpolate('fr', '{n}', { n: 1234 })).toMatch(/^1[\u00a0\u202f]234$/);
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(interpolate('en', 'Hello {who}', {})).toBe('Hello {who}');
  });

  it('reads the catalogue of the language', () => {
    expect(translate('en', 'nav.directory')).toBe('Directory');
    expect(translate('fr', 'nav.directory')).toBe('Répertoire');
  });

  it('chooses plural forms by the language rules', () => {
    expect(translatePlural('en', 'directory.resultCount', 1)).toBe('1 organization found');
    expect(translatePlural('en', 'directory.resultCount', 2)).toBe('2 organizations found');
    // French counts 0 and 1 as singular; "many" (1 000 000) falls back to the plural form.
    expect(translatePlural('fr', 'directory.resultCount', 0)).toBe('0 organisme trouvé');
    expect(translatePlural('fr', 'directory.resultCount', 2)).toBe('2 organismes trouvés');
    expect(translatePlural('fr', 'directory.resultCount', 1_000_000)).toMatch(/organismes trouvés$/);
  });
});
