/**
 * Astro integration: where the site lives. Astro's own `site` and `base` (astro.config.mjs,
 * SITE_URL / BASE_PATH, or `astro build --site … --base …`) are the one place to set it; this
 * hands the final base to the Markdown plugin that rebases links in notes (src/markdown/rehype-base.ts),
 * and adds the sitemap only where there is a site address to write into it.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../domain/site/url.ts';
import { BASE_ENV } from '../markdown/rehype-base.ts';

export function siteAddress(): AstroIntegration {
  return {
    name: 'tradeoffs:site',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        process.env[BASE_ENV] = normalizeBase(config.base);
        if (config.site)
          // The offline-only pages (src/pages/offline/) are for the service worker, not for readers to find.
          updateConfig({ integrations: [sitemap({ filter: (page) => !/\/offline\//.test(page) })] });
        else if (command === 'build')
          // Said once, as what to do: the sitemap's own warning named a config option to edit.
          logger.info(
            'no site address (SITE_URL or --site): no sitemap or canonical links; see “Where the site lives” in the README',
          );
      },
    },
  };
}
