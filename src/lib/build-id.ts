import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cardsDir, compareDir, decideDir, notesDir, pricingFile, quizzesDir } from './paths.ts';

/**
 * One id per distinct site: a digest of everything a build reads (notes, quizzes, decks,
 * comparisons, the walker, prices, source, public files, config, locked dependencies). The same sources give the same id, so a rebuild with no change
 * does not make readers download a "new version"; any change gives a new one. Pagefind's
 * `metaCacheTag` is pinned to it (src/client/search/engine.ts). TRADEOFFS_BUILD_ID overrides it.
 */
export function computeBuildId(root = process.cwd()): string {
  if (process.env.TRADEOFFS_BUILD_ID) return process.env.TRADEOFFS_BUILD_ID;
  const hash = createHash('sha256');
  const add = (path: string) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    const files = info.isDirectory()
      ? readdirSync(path, { recursive: true })
          .map((f) => join(path, String(f)))
          .filter((f) => statSync(f).isFile())
          .sort()
      : [path];
    for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  };
  for (const path of ['src', 'public', 'astro.config.mjs', 'package-lock.json']) add(join(root, path));
  // Every content folder: a quiz-only edit changes the search index too, and kept the old id.
  for (const dir of [notesDir, quizzesDir, cardsDir, compareDir, decideDir, pricingFile]) add(dir(root));
  return hash.digest('hex').slice(0, 12);
}
