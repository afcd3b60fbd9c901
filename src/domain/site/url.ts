/**
 * Addresses inside the site, under any base path (`/` at a domain's root, `/<repo>/` on GitHub
 * Pages). Every internal link is written root-relative to the site (`/notes/x/`) and passes
 * through `withBase` once; nothing else knows where the site's root is. Pure: the base is an
 * argument (src/lib/url.ts binds it to Astro's `base` for pages and browser code).
 */

/** `''`, `/`, `repo`, `/repo`, `/repo/` → `/` or `/repo/` (always a leading and trailing slash). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A site path (`/notes/x/#h`, `/`) under the base (`/repo/notes/x/#h`, `/repo/`). Anything that
 * is not a site path — `#fragment`, `?query`, relative paths, other schemes, `//host` — is
 * returned unchanged, as is a path already under the base (so applying it twice is harmless).
 */
export function withBase(base: string, path: string): string {
  const root = normalizeBase(base);
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  if (root === '/' || path === root || path.startsWith(root)) return path;
  return `${root}${path.slice(1)}`;
}

/** The site path of an address under the base (`/repo/notes/x/` → `/notes/x/`); undefined if outside. */
export function withoutBase(base: string, path: string): string | undefined {
  const root = normalizeBase(base);
  if (root === '/') return path.startsWith('/') ? path : undefined;
  if (path === root.slice(0, -1)) return '/';
  return path.startsWith(root) ? `/${path.slice(root.length)}` : undefined;
}

/**
 * The absolute URL of a site path, or undefined when no site URL is configured (then nothing
 * prints or links a made-up host).
 */
export function absoluteUrl(site: string | URL | undefined, base: string, path: string): string | undefined {
  if (!site) return undefined;
  return new URL(withBase(base, path), site).href;
}
