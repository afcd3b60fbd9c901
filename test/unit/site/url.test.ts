import { describe, expect, it } from 'vitest';
import { absoluteUrl, normalizeBase, withBase, withoutBase } from '../../../src/domain/site/url.ts';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['repo', '/repo/'],
    ['/repo', '/repo/'],
    ['/repo/', '/repo/'],
    [' //a/b// ', '/a/b/'],
  ])('%j → %s', (base, expected) => expect(normalizeBase(base)).toBe(expected));
});

describe('withBase', () => {
  it('leaves every path alone at the root', () => {
    expect(withBase('/', '/notes/a/')).toBe('/notes/a/');
    expect(withBase('', '/')).toBe('/');
  });

  it('puts the base in front of a site path, fragments and queries kept', () => {
    expect(withBase('/tradeoffs/', '/notes/a/#h')).toBe('/tradeoffs/notes/a/#h');
    expect(withBase('/tradeoffs', '/search/?q=x')).toBe('/tradeoffs/search/?q=x');
    expect(withBase('/tradeoffs/', '/')).toBe('/tradeoffs/');
    expect(withBase('/a/b/', '/sw.js')).toBe('/a/b/sw.js');
  });

  it('is harmless applied twice', () => {
    const once = withBase('/tradeoffs/', '/notes/a/');
    expect(withBase('/tradeoffs/', once)).toBe(once);
    expect(withBase('/tradeoffs/', '/tradeoffs/')).toBe('/tradeoffs/');
  });

  it('leaves what is not a site path unchanged', () => {
    for (const href of [
      '#top',
      '?q=1',
      'notes/a/',
      './x.png',
      'https://example.org/',
      '//cdn.example/x',
      'mailto:a@b',
    ])
      expect(withBase('/tradeoffs/', href)).toBe(href);
  });

  it('does not mistake a path that only starts like the base for one under it', () => {
    expect(withBase('/trade/', '/tradeoffs/')).toBe('/trade/tradeoffs/');
  });
});

describe('withoutBase', () => {
  it('gives the site path of an address under the base', () => {
    expect(withoutBase('/tradeoffs/', '/tradeoffs/notes/a/')).toBe('/notes/a/');
    expect(withoutBase('/tradeoffs/', '/tradeoffs/')).toBe('/');
    expect(withoutBase('/tradeoffs/', '/tradeoffs')).toBe('/');
    expect(withoutBase('/', '/notes/')).toBe('/notes/');
  });

  it('is undefined outside the base', () => {
    expect(withoutBase('/tradeoffs/', '/notes/a/')).toBeUndefined();
    expect(withoutBase('/tradeoffs/', '/tradeoffsx/')).toBeUndefined();
    expect(withoutBase('/', 'notes/')).toBeUndefined();
  });
});

describe('absoluteUrl', () => {
  it('joins the site, the base and the path', () => {
    expect(absoluteUrl('https://user.github.io', '/tradeoffs/', '/notes/a/')).toBe(
      'https://user.github.io/tradeoffs/notes/a/',
    );
    expect(absoluteUrl(new URL('https://notes.example/'), '/', '/')).toBe('https://notes.example/');
  });

  it('is undefined without a configured site: no made-up host', () => {
    expect(absoluteUrl(undefined, '/tradeoffs/', '/notes/a/')).toBeUndefined();
    expect(absoluteUrl('', '/', '/')).toBeUndefined();
  });
});
