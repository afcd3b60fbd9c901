import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readFiles, readNoteFiles } from './content-files.ts';
import { checkNotes } from '../domain/content/gate.ts';
import { type ContentError, type ContentFile, formatContentError } from '../domain/content/errors.ts';
import { linkProblems } from '../domain/notes/link-index.ts';
import { checkNoteLinks } from '../domain/notes/links.ts';
import { readLinkIndex } from './obsidian.ts';
import { checkCompareContent } from '../domain/compare/gate.ts';
import { checkPricing } from '../domain/cost/gate.ts';
import { checkWalkerFiles } from '../domain/decide/gate.ts';
import { buildDecks, deckNote } from '../domain/flashcards/build.ts';
import { duplicateCardIds } from '../domain/flashcards/derive.ts';
import { checkDeckFiles } from '../domain/flashcards/gate.ts';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { checkSectionFile } from '../domain/notes/sections.ts';
import { checkQuizFiles } from '../domain/quiz/gate.ts';
import { checkPractice, practiceContext, practiceQuiz } from '../domain/quiz/practice.ts';
import { cardsDir, compareDir, decideDir, notesDir, pricingFile, quizzesDir } from '../lib/paths.ts';
import { NoteSchema } from '../schemas/note.ts';
import { SECTION_FILE } from '../schemas/section.ts';

export { readFiles, readNoteFiles } from './content-files.ts';

/** Every `_section.yaml` under the notes folder (dot-folders such as `.obsidian` skipped). */
export const readSectionFiles = (root = process.cwd(), dir = notesDir(root)) =>
  readFiles(root, dir, new RegExp(`(^|/)${SECTION_FILE.replace('.', '\\.')}$`), true);

/** The `_section.yaml` files checked, by folder relative to the notes folder. */
export async function gateSections(root = process.cwd(), dir = notesDir(root)) {
  const files = await readSectionFiles(root, dir);
  const checked = files.map((file) => checkSectionFile(file, relative(root, dir)));
  return {
    sections: new Map(checked.flatMap((c) => (c.checked ? [[c.folder, c.checked.data] as const] : []))),
    errors: checked.flatMap((c) => c.errors),
  };
}

/** The YAML files of a content folder (quizzes, decks, comparisons, walkers). */
export const readYamlFiles = (root: string, dir: string) => readFiles(root, dir, /\.ya?ml$/);

/**
 * Every note file through the gate: frontmatter, and each body parsed once as MDX (syntax, code,
 * unsafe HTML, diagram slips; src/domain/content/note-body.ts) — a stray `{` or `<` would
 * otherwise fail deep inside the build, or render nothing. No separate MDX compile: it parsed
 * the same text with the same parser again, and what only a compile could reject (ESM,
 * expressions, components) the body check already refuses.
 */
export async function gateNotes(root = process.cwd(), dir = notesDir(root)) {
  const files = await readNoteFiles(root, dir);
  const { notes, errors, warnings, broken } = checkNotes(files, NoteSchema);
  // Wikilinks and embeds: every one that points at nothing, in every note, before any page is
  // rendered (the page build would stop at the first note that has one).
  const index = readLinkIndex(dir);
  for (const note of notes) {
    const rel = relative(dir, join(root, note.file)).split(sep).join('/');
    const from = index.notes.find((n) => n.file === rel);
    if (!from) continue;
    for (const problem of linkProblems(note.body, from, index)) {
      errors.push({
        file: note.file,
        line: note.bodyLine + problem.line - 1,
        message: `${problem.message} (fix the link, or list it in the note's \`unresolvedLinks\` to show it as not included)`,
      });
    }
  }
  return { files, notes, errors, warnings, broken };
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
  const sections = await gateSections(root);
  const index = anchorIndex(notes.notes);
  // Plain Markdown/HTML links between notes and to headings, as written in the notes themselves.
  const links = checkNoteLinks(notes.notes, index);
  const quizFiles = await readYamlFiles(root, dirs.quizzes);
  const quizzes = checkQuizFiles(quizFiles, index);
  const deckFiles = await readYamlFiles(root, dirs.cards);
  const decks = checkDeckFiles(deckFiles, index);
  const compare = checkCompareContent(await readYamlFiles(root, dirs.compare), notes.notes, index);
  // Generated practice (one quiz per note): unfair questions and hand-written repeats stop the build.
  const context = practiceContext(
    compare.comparisons,
    quizzes.checked.map((q) => q.data),
  );
  const practice = notes.notes.map((n) => ({
    ...practiceQuiz({ slug: n.data.slug, title: n.data.title, body: n.body, tags: n.data.tags }, context),
    file: n.file,
  }));
  const practiceErrors = checkPractice(
    practice,
    quizzes.checked.map((q) => ({ file: q.file, quiz: q.data, lineOf: q.lineOf })),
  );
  // Every card as the site will show it (derived, through the quality stage, plus hand decks):
  // two cards with one id after merging would share review history.
  const cards = buildDecks({
    notes: notes.notes.map(deckNote),
    hand: decks.checked.map((d) => d.data),
    index,
    vocabulary: compare.vocabulary,
    comparisons: compare.comparisons,
  });
  const cardErrors: ContentError[] = duplicateCardIds(cards.decks).map((id) => {
    const deck = id.split('/')[0] ?? '';
    return {
      file:
        decks.checked.find((d) => d.data.id === deck)?.file ??
        notes.notes.find((n) => n.data.slug === deck)?.file ??
        deck,
      item: `card "${id}"`,
      field: 'id',
      message:
        'two cards get this id after derivation and merging, so they would share review history; rename a heading, row label or card id',
    };
  });
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
    practice,
    decks: decks.checked,
    cards,
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
      ...links,
      ...sections.errors,
      ...quizzes.errors,
      ...practiceErrors,
      ...decks.errors,
      ...cardErrors,
      ...compare.errors,
      ...walkers.errors,
      ...pricing.errors,
    ],
    // Not wrong, but worth a look: unresolved disagreements, diagram answers with no written reason.
    // And unsafe HTML removed from notes (one warning per removal).
    warnings: [...notes.warnings, ...compare.warnings, ...walkers.warnings].map(formatContentError),
  };
}
