/**
 * Checks on the service worker's precache list, used by the unit tests: every file of the
 * built site is in it, and every local URL a page refers to is a precached file.
 */

/** The `url` of every precache entry in a generated Workbox service worker. */
export function precachedUrls(serviceWorkerSource: string): string[] {
  return [...serviceWorkerSource.matchAll(/\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?/g)].map(
    (m) => m[1] as string,
  );
}

/** Site files (dist-relative paths) that are not precached; the worker and the host's `_headers` are exempt. */
export function missingFromPrecache(
  files: readonly string[],
  precached: readonly string[],
  worker = 'sw.js',
): string[] {
  const have = new Set(precached.map((url) => url.replace(/^\//, '')));
  return files.filter((file) => file !== worker && file !== '_headers' && !have.has(file)).sort();
}

/** Same-site URLs in a page's `src`, `href` and `content` attributes that a browser would fetch or open. */
export function localReferences(html: string): string[] {
  const refs = new Set<string>();
  for (const match of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    const url = match[1] as string;
    if (!url || /^(?:[a-z]+:|\/\/|#)/i.test(url)) continue;
    refs.add(url);
  }
  return [...refs];
}

/** `/notes/a/#x` from page `tags/index.html` → `notes/a/index.html` (the file a static host serves). */
export function referencedFile(url: string, pagePath: string): string {
  const clean = url.split('#')[0]?.split('?')[0] ?? '';
  const base = `/${pagePath.replace(/[^/]*$/, '')}`;
  const path = new URL(clean || '.', `https://site${base}`).pathname.slice(1);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
