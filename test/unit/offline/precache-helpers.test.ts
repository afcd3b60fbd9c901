import { describe, expect, it } from 'vitest';
import {
  localReferences,
  missingFromPrecache,
  precachedUrls,
  referencedFile,
} from '../../support/precache.ts';

describe('precache helpers', () => {
  it('reads the entries of a generated worker, minified or not', () => {
    const sw =
      'e.precacheAndRoute([{url:"index.html",revision:"1"},{ "url": "pagefind/pagefind.js", "revision": "2" }],{})';
    expect(precachedUrls(sw)).toEqual(['index.html', 'pagefind/pagefind.js']);
  });

  it('names the files that are not precached, never the worker itself', () => {
    expect(missingFromPrecache(['sw.js', 'b.html', 'a.css', 'index.html'], ['/index.html'])).toEqual([
      'a.css',
      'b.html',
    ]);
  });

  it('finds same-site references, not other hosts, data: or fragments', () => {
    const html =
      '<a href="/notes/a/#x"></a><img src="x.svg"><a href="https://example.com/"></a><a href="#top"></a><a href="//cdn/x"></a><img src="data:image/png;base64,x"><link href="">';
    expect(localReferences(html)).toEqual(['/notes/a/#x', 'x.svg']);
  });

  it('resolves references to the file a static host serves', () => {
    expect(referencedFile('/notes/a/#x', 'index.html')).toBe('notes/a/index.html');
    expect(referencedFile('/', 'notes/a/index.html')).toBe('index.html');
    expect(referencedFile('../b/', 'notes/a/index.html')).toBe('notes/b/index.html');
    expect(referencedFile('/search/?q=x', 'index.html')).toBe('search/index.html');
    expect(referencedFile('/_astro/x.js', 'a/index.html')).toBe('_astro/x.js');
    expect(referencedFile('#top', 'a/index.html')).toBe('a/index.html');
  });
});
