import { describe, expect, it } from 'vitest';
import { landingPath, safeNextPath } from './next-path.ts';

describe('safeNextPath', () => {
  it.each([
    ['/directory', '/directory'],
    ['/directory?q=Carrefour&page=2', '/directory?q=Carrefour&page=2'],
    ['/organizations/1#sites', '/organizations/1#sites'],
    ['/a/../directory', '/directory'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['directory'],
    ['https://evil.example/'],
    ['//evil.example/'],
    ['/\\evil.example/'],
    ['/\t/evil.example/'],
    ['javascript:alert(1)'],
    ['/sign-in'],
    ['/sign-in?next=/directory'],
  ])('sends %s to the home page', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('landingPath', () => {
  it.each([
    [{ work: true, myFile: false }, '/work'],
    [{ work: false, myFile: true }, '/my-file'],
    [{ work: false, myFile: false }, '/'],
  ])('sends %o to %s', (can, expected) => {
    expect(landingPath(can)).toBe(expected);
  });
});
