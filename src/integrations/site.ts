/**
 * Astro integration: where the site lives. Astro's own `site` and `base` (astro.config.mjs,
 * SITE_URL / BASE_PATH, or `astro build --site … --base …`) are the one place to set it; this
 * hands the final base to the Markdown plugin that rebases links in notes (src/markdown/rehype-base.ts).
 */
import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../domain/site/url.ts';
import { BASE_ENV } from '../markdown/rehype-base.ts';

export function siteAddress(): AstroIntegration {
  return {
    name: 'tradeoffs:site',
    hooks: {
      'astro:config:setup': ({ config }) => {
        process.env[BASE_ENV] = normalizeBase(config.base);
      },
    },
  };
}
