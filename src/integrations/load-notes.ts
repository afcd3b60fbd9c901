import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { checkNotes } from '../domain/content/gate.ts';
import { type ContentError, type ContentFile, formatContentError } from '../domain/content/errors.ts';
import { checkCompareContent } from '../domain/compare/gate.ts';
import { checkPricing } from '../domain/cost/gate.ts';
import { checkWalkerFiles } from '../domain/decide/gate.ts';
import { checkDeckFiles } from '../domain/flashcards/gate.ts';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { checkQuizFiles } from '../domain/quiz/gate.ts';
import { cardsDir, compareDir, decideDir, notesDir, pricingFile, quizzesDir } from '../lib/paths.ts';
import { NoteSchema } from '../schemas/note.ts';

/** The files of a content folder matching a pattern, sorted by name; a missing folder has none. */
export async function readFiles(root: string, dir: string, pattern: RegExp): Promise<ContentFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => pattern.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({
      path: relative(root, join(dir, name)),
      bytes: await readFile(join(dir, name)),
    })),
  );
}

export const readNoteFiles = (root = process.cwd(), dir = notesDir(root)) => readFiles(root, dir, /\.mdx?$/);

/** The YAML files of a content folder (quizzes, decks, comparisons, walkers). */
export const readYamlFiles = (root: string, dir: string) => readFiles(root, dir, /\.ya?ml$/);

/**
 * Everything the gate checks, including what needs a compiler: each body must compile as MDX
 * (a stray `{` or `<` would otherwise fail deep inside the build, or render nothing).
 */
export async function gateNotes(root = process.cwd(), dir = notesDir(root)) {
  const files = await readNoteFiles(root, dir);
  const { notes, errors } = checkNotes(files, NoteSchema);
  await Promise.all(
    notes.map(async (note) => {
      try {
        await compile(note.body, { remarkPlugins: [remarkGfm] });
      } catch (error) {
        const e = error as { line?: number; reason?: string; message?: string };
        errors.push({
          file: note.file,
          line: e.line ? note.bodyLine + e.line - 1 : note.bodyLine,
          message: `not valid MDX: ${e.reason ?? e.message} (escape a literal \`{\` or \`<\` as \`\\{\` or \`&lt;\`)`,
        } satisfies ContentError);
      }
    }),
  );
  return { files, notes, errors };
}

/** The cost calculator's pricing file, or undefined when there is no such file. */
export async function readPricingFile(
  root = process.cwd(),
  path = pricingFile(root),
): Promise<ContentFile | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes && { path: relative(root, path), bytes };
}

/**
 * The whole content gate: notes first, then everything that points into them (quizzes, card
 * decks, comparisons, the decision walker and the cost calculator's prices), each checked by its
 * feature's gate against the headings the note pages will have and the notes' own text.
 */
export async function gateContent(
  root = process.cwd(),
  dirs: { quizzes: string; cards: string; compare: string; decide?: string; pricing?: string } = {
    quizzes: quizzesDir(root),
    cards: cardsDir(root),
    compare: compareDir(root),
    decide: decideDir(root),
  },
) {
  const notes = await gateNotes(root);
  const index = anchorIndex(notes.notes);
  const quizFiles = await readYamlFiles(root, dirs.quizzes);
  const quizzes = checkQuizFiles(quizFiles, index);
  const deckFiles = await readYamlFiles(root, dirs.cards);
  const decks = checkDeckFiles(deckFiles, index);
  const compare = checkCompareContent(await readYamlFiles(root, dirs.compare), notes.notes, index);
  // content/pricing.yaml must exist; a build that names another file that does not exist
  // (TRADEOFFS_PRICING_FILE, as fixture builds do) has no calculator.
  const pricingPath = dirs.pricing ?? pricingFile(root);
  const pricing = checkPricing(
    await readPricingFile(root, pricingPath),
    {
      path: relative(root, pricingPath),
      required: dirs.pricing === undefined && process.env.TRADEOFFS_PRICING_FILE === undefined,
    },
    index,
    notes.notes,
  );
  const walkerFiles = await readYamlFiles(root, dirs.decide ?? decideDir(root));
  const walkers = checkWalkerFiles(walkerFiles, notes.notes, index);
  return {
    notes: notes.notes,
    quizzes: quizzes.checked,
    decks: decks.checked,
    compare,
    pricing: pricing.checked,
    walkers: walkers.walkers,
    index,
    counts: {
      notes: notes.files.length,
      quizzes: quizFiles.length,
      decks: deckFiles.length,
      comparisons: compare.comparisons.length,
      walkers: walkerFiles.length,
    },
    errors: [
      ...notes.errors,
      ...quizzes.errors,
      ...decks.errors,
      ...compare.errors,
      ...walkers.errors,
      ...pricing.errors,
    ],
    // Not wrong, but worth a look: unresolved disagreements, diagram answers with no written reason.
    warnings: [...compare.warnings, ...walkers.warnings].map(formatContentError),
  };
}
