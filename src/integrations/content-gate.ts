/**
 * Astro integration: the content gate. Runs before anything renders (so a bad note stops the
 * build with file, line and field, instead of becoming a missing page), and after the build
 * checks that every note file became exactly one non-empty page.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatContentError } from '../domain/content/errors.ts';
import { memoAsync } from '../domain/content/memo.ts';
import { forgetNoteTrees } from '../domain/notes/tree.ts';
import { plural } from '../domain/content/text.ts';
import { setContentDigest } from '../lib/page-cache.ts';
import { cardsDir, compareDir, decideDir, notesDir, pricingFile, quizzesDir } from '../lib/paths.ts';

export class ContentGateError extends Error {
  override name = 'ContentGateError';
}

async function runGate(root: string): Promise<{ slugs: string[]; errors: string[]; warnings: string[] }> {
  const [{ gateContent }, { isPublished }] = await Promise.all([
    import('./load-notes.ts'),
    import('../schemas/note.ts'),
  ]);
  const { notes, errors, warnings } = await gateContent(root);
  // What the page build derives again is found in the store of derived data; the trees the gate
  // parsed (tens of MiB at 500 notes) need not stay in memory through Vite's build.
  forgetNoteTrees();
  return {
    // Drafts and `publish: false` notes are checked but get no page.
    slugs: notes.filter((n) => isPublished(n.data)).map((n) => n.data.slug),
    errors: errors.map(formatContentError),
    warnings,
  };
}

/** Text files the gate reads are hashed whole; of anything else (attachments) only the name counts. */
const READ_WHOLE = /\.(mdx?|ya?ml|json)$/i;

/**
 * Everything the gate reads, as one digest: every file under the notes folder (skipping dot
 * folders, as the gate does), the quiz, deck, comparison and walker folders, the prices, and
 * whether a pricing file is required.
 */
export async function gateInputs(root: string): Promise<string> {
  const hash = createHash('sha256');
  const add = async (dir: string, recursive: boolean) => {
    const entries = await readdir(dir, { recursive, withFileTypes: true }).catch(() => []);
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .filter(
        (f) =>
          !relative(dir, f)
            .split(/[\\/]/)
            .some((part) => part.startsWith('.') || part === 'node_modules'),
      )
      .sort();
    hash.update(`\0dir ${relative(root, dir)}\n`);
    for (const file of files) {
      hash.update(`${relative(dir, file)}\n`);
      if (READ_WHOLE.test(file)) hash.update(await readFile(file));
    }
  };
  await add(notesDir(root), true);
  for (const dir of [quizzesDir(root), cardsDir(root), compareDir(root), decideDir(root)])
    await add(dir, false);
  hash.update(`\0pricing ${process.env.TRADEOFFS_PRICING_FILE ?? ''}\n`);
  hash.update((await readFile(pricingFile(root)).catch(() => null)) ?? '\0missing');
  return hash.digest('hex');
}

export function contentGate(): AstroIntegration {
  let slugs: string[] = [];
  return {
    name: 'tradeoffs:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        // A rebuild over the same files (and the same code: the store's key) has the same
        // verdict, errors included: the checks, and the modules they need, are skipped.
        const inputs = await gateInputs(root);
        // The same inputs are what every page reads besides its code (src/lib/page-cache.ts).
        setContentDigest(command === 'build' ? inputs : undefined);
        const gate = await memoAsync('content-gate', inputs, () => runGate(root));
        for (const warning of gate.warnings) console.warn(`[content] warning: ${warning}`);
        if (gate.errors.length) {
          throw new ContentGateError(
            `Content errors (${gate.errors.length}):\n${gate.errors.map((e) => `  ${e}`).join('\n')}`,
          );
        }
        slugs = gate.slugs;
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
