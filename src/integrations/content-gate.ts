/**
 * Astro integration: the content gate. Runs before anything renders (so a bad note stops the
 * build with file, line and field, instead of becoming a missing page), and after the build
 * checks that every note file became exactly one non-empty page.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatContentError } from '../domain/content/errors.ts';
import { plural } from '../domain/content/text.ts';
import { gateContent } from './load-notes.ts';
import { isPublished } from '../schemas/note.ts';

export class ContentGateError extends Error {
  override name = 'ContentGateError';
}

export function contentGate(): AstroIntegration {
  let slugs: string[] = [];
  return {
    name: 'tradeoffs:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        if (command === 'preview') return;
        const { notes, errors, warnings } = await gateContent(fileURLToPath(config.root));
        for (const warning of warnings) console.warn(`[content] warning: ${warning}`);
        if (errors.length) {
          throw new ContentGateError(
            `Content errors (${errors.length}):\n${errors.map((e) => `  ${formatContentError(e)}`).join('\n')}`,
          );
        }
        // Drafts and `publish: false` notes are checked but get no page.
        slugs = notes.filter((n) => isPublished(n.data)).map((n) => n.data.slug);
      },
      'astro:build:done': async ({ dir }) => {
        const problems: string[] = [];
        for (const slug of slugs) {
          const page = new URL(`notes/${slug}/index.html`, dir);
          const html = await readFile(page, 'utf8').catch(() => '');
          const article = /<div class="prose"[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
          if (!html) problems.push(`notes/${slug}/index.html was not built`);
          else if (!article.replace(/<[^>]+>/g, '').trim())
            problems.push(`notes/${slug}/index.html has an empty body`);
        }
        const built = (await readdir(new URL('notes/', dir), { withFileTypes: true }).catch(() => [])).filter(
          (entry) => entry.isDirectory(),
        ).length;
        if (built !== slugs.length)
          problems.push(
            `${plural(slugs.length, 'note file')} but ${plural(built, 'note page')} in dist/notes/`,
          );
        if (problems.length)
          throw new ContentGateError(`Build output is missing notes:\n  ${problems.join('\n  ')}`);
      },
    },
  };
}
