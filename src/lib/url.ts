/**
 * `href('/notes/x/')`: a site path under the configured base (`base` in astro.config.mjs, or
 * BASE_PATH). Works in pages, components and browser modules alike: Vite replaces
 * `import.meta.env.BASE_URL` at build time. Pure code in src/domain takes the base as an
 * argument instead (src/domain/site/url.ts).
 */
import { normalizeBase, withBase } from '../domain/site/url.ts';

export const BASE = normalizeBase(import.meta.env.BASE_URL);

export const href = (path: string): string => withBase(BASE, path);
