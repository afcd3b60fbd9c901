/**
 * Generated practice: a quiz for every note, built from what the note itself lays out as
 * contrasts — table rows and columns, sibling definitions, sibling lists ("When to Use" / "When
 * NOT to Use"). Each question's distractors are the note's own sibling cells or definitions, so a
 * wrong option is something the note says about something else (and its explanation says what).
 *
 * The quizzes are ordinary `Quiz` values (same schema, pages, scoring and storage as the
 * hand-written ones), at `/quizzes/practice-<note>/`. Deterministic: options are shuffled with a
 * seed from the note and question id, never Math.random. `checkPractice` finds what would make a
 * question unfair (a second right answer, the answer in the prompt) and hand-written questions
 * that duplicate a generated one. Pure: note bodies in, quizzes and errors out.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type Question, type Quiz, QuizSchema } from '../../schemas/quiz.ts';
import type { ContentError } from '../content/errors.ts';
import { memo, memoKey } from '../content/memo.ts';
import { plural } from '../content/text.ts';
import { rankOf } from '../compare/matrix.ts';
import { givesAway, sideKey } from '../flashcards/quality.ts';
import { type Definition, noteDefinitions } from '../notes/definitions.ts';
import {
  type Claim,
  type HeadingRef,
  type NoteTable,
  headingTracker,
  noteTables,
  parseNote,
  tableClaims,
} from '../notes/tables.ts';
import { hashSeed, seededRandom, shuffle } from './shuffle.ts';

export interface PracticeNote {
  slug: string;
  title: string;
  body: string;
  tags?: readonly string[];
  /** Path of the note file, for error messages. */
  file?: string;
}

/** A generated question and every text that would also be a right answer to it. */
export interface Generated {
  question: Question;
  /** Texts that are true answers (the right option, and equivalent cells elsewhere in the note). */
  truths: string[];
}

export interface PracticeResult {
  note: string;
  quiz?: Quiz;
  generated: Generated[];
  /** Why the note has no practice quiz. */
  skipped?: string;
}

export const PRACTICE_PREFIX = 'practice-';
export const practiceId = (slug: string) => `${PRACTICE_PREFIX}${slug}`;
/** Fewer questions than this is not a quiz. */
export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 12;

const norm = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const core = (t: string) => norm(t.replace(/\([^)]*\)/g, ''));
const slug = (t: string) => norm(t).replace(/ /g, '-').slice(0, 48).replace(/-+$/, '') || 'x';
/** Markdown-safe inline text (cells may hold `*`, `_`, `<`). */
const md = (t: string) => t.replace(/([\\`*_[\]<>])/g, '\\$1');
const short = (t: string) => slug(t).slice(0, 20).replace(/-+$/, '') || 'x';
const heading = (headings: readonly HeadingRef[]) => headings.at(-1);
const sourceOf = (note: string, headings: readonly HeadingRef[]) => `${note}#${heading(headings)?.id ?? ''}`;
const topicOf = (headings: readonly HeadingRef[]) =>
  slug(headings.find((h) => h.depth === 2)?.text ?? heading(headings)?.text ?? 'note');
const where = (headings: readonly HeadingRef[]) => headings.map((h) => h.text).join(' › ');

/** Up to `n` distinct items (by core text), none equal to any of `not`. */
function distinct<T>(items: readonly T[], text: (t: T) => string, not: readonly string[], n: number): T[] {
  const seen = new Set(not.map(core));
  const out: T[] = [];
  for (const item of items) {
    const key = core(text(item));
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length === n) break;
  }
  return out;
}

interface Choice {
  text: string;
  correct: boolean;
  explanation: string;
}

function single(
  note: string,
  id: string,
  headings: readonly HeadingRef[],
  prompt: string,
  choices: Choice[],
  truths: string[],
): Generated {
  const random = seededRandom(hashSeed(`${note}:${id}`));
  // Shuffled at build time too: the page's HTML must not list the right option first.
  const options = shuffle(choices, random).map((c, i) => ({
    id: String.fromCharCode(97 + i),
    text: md(c.text),
    correct: c.correct,
    explanation: c.explanation,
    fixed: false,
  }));
  return {
    question: {
      type: 'single',
      id,
      points: 1,
      topic: topicOf(headings),
      prompt,
      source: sourceOf(note, headings),
      options,
    },
    truths,
  };
}

/** One-word cells that fit almost any row ("Limited", "Yes"): never a distractor from another row. */
const BARE = new Set(
  'yes no none limited minimal full high low medium moderate easy hard simple complex trivial higher lower easier harder unlimited'.split(
    ' ',
  ),
);

/** Cell questions from a matrix or entity table: "for Stateful, Scaling is…?". */
function cellQuestions(note: PracticeNote, table: NoteTable, all: readonly Claim[]): Generated[] {
  const claims = tableClaims(table).filter((c) => c.shape === 'matrix' || c.shape === 'entity');
  const out: Generated[] = [];
  const place = `the table under **${md(heading(table.headings)?.text ?? '')}**`;
  for (const claim of claims) {
    // Sibling cells: same row first (what the other options say), then the same column.
    const row = claims.filter((c) => c.aspect === claim.aspect && c.option !== claim.option);
    const column = claims.filter((c) => c.option === claim.option && c.aspect !== claim.aspect);
    const random = seededRandom(hashSeed(`${note.slug}:${claim.table}:${claim.row}:${claim.option}`));
    // Every cell anywhere in the note saying this option's value for this aspect is also right.
    const truths = all
      .filter((c) => sideKey(c.option) === sideKey(claim.option) && norm(c.aspect) === norm(claim.aspect))
      .map((c) => c.value);
    // A bare comparative ("Higher", "Easy") from another row could be true of this aspect too.
    const specific = column.filter(
      (c) => Object.keys(rankOf(c.value)).length === 0 && !BARE.has(core(c.value)),
    );
    const picked = distinct([...row, ...shuffle(specific, random)], (c) => c.value, truths, 3);
    if (picked.length < 2) continue;
    const id = slug(`cell ${heading(table.headings)?.id ?? ''} ${claim.aspect} ${claim.option}`);
    out.push(
      single(
        note.slug,
        id,
        table.headings,
        `In ${place}, what does the note give for **${md(claim.option)}** — *${md(claim.aspect)}*?`,
        [
          {
            text: claim.value,
            correct: true,
            explanation: `Right: the table gives “${md(claim.value)}” for ${md(claim.option)}, ${md(claim.aspect)}.`,
          },
          ...picked.map((c) => ({
            text: c.value,
            correct: false,
            explanation:
              c.aspect === claim.aspect
                ? `That is what the same row says for **${md(c.option)}**, not ${md(claim.option)}.`
                : `That is ${md(claim.option)}'s *${md(c.aspect)}*, another row of the table.`,
          })),
        ],
        truths,
      ),
    );
  }
  return out;
}

/** One matching question per matrix table: statements to the side they describe. */
function sideMatch(note: PracticeNote, table: NoteTable): Generated[] {
  if (table.shape !== 'matrix' && table.shape !== 'category') return [];
  const claims = tableClaims(table);
  const options = claims[0]?.options ?? [];
  if (options.length < 2) return [];
  // Only statements that do not name their side, and that one side alone says.
  const usable = claims.filter(
    (c) =>
      claims.filter((o) => core(o.value) === core(c.value)).length === 1 &&
      !givesAway(c.value, c.option, options),
  );
  const random = seededRandom(hashSeed(`${note.slug}:match:${table.index}`));
  // Balanced: alternate sides so each right-hand value appears.
  const bySide = options.map((o) =>
    shuffle(
      usable.filter((c) => c.option === o),
      random,
    ),
  );
  const pairs: Claim[] = [];
  for (let i = 0; pairs.length < 6 && bySide.some((s) => s[i]); i++)
    for (const side of bySide) if (side[i] && pairs.length < 6) pairs.push(side[i] as Claim);
  if (new Set(pairs.map((p) => p.option)).size < 2 || pairs.length < 3) return [];
  const place = md(heading(table.headings)?.text ?? '');
  return [
    {
      question: {
        type: 'match',
        id: slug(`match ${heading(table.headings)?.id ?? ''} ${table.index}`),
        points: 1,
        topic: topicOf(table.headings),
        prompt:
          table.shape === 'category'
            ? `The note's table under **${place}** sorts cases into columns. Match each case to its column.`
            : `Match each statement from the table under **${place}** to the side it describes.`,
        source: sourceOf(note.slug, table.headings),
        pairs: pairs.map((p, i) => ({
          id: `p${i + 1}-${short(p.value)}`,
          left: p.shape === 'category' ? md(p.value) : `${md(p.aspect)}: ${md(p.value)}`,
          right: p.option,
        })),
        explanation:
          `In the note's table (${md(where(table.headings))}): ` +
          pairs
            .map(
              (p) =>
                `“${md(p.value)}” is ${md(p.option)}${p.shape === 'category' ? '' : ` (${md(p.aspect)})`}`,
            )
            .join('; ') +
          '.',
      },
      truths: [],
    },
  ];
}

/** Which term does this definition describe? Distractors: the sibling terms of the same list. */
function definitionQuestions(note: PracticeNote, defs: readonly Definition[]): Generated[] {
  const terms = defs.filter((d) => d.kind === 'term');
  const groups = new Map<string, Definition[]>();
  for (const d of terms) {
    const key = heading(d.headings)?.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const out: Generated[] = [];
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    for (const def of group) {
      const random = seededRandom(hashSeed(`${note.slug}:def:${def.term}`));
      const others = distinct(
        shuffle(
          group.filter((d) => d !== def),
          random,
        ),
        (d) => d.term,
        [def.term],
        3,
      );
      if (others.length < 2) continue;
      // The definition must not name its own term (or any option: that would point at it).
      const masked = [def, ...others].reduce(
        (text, d) => text.replace(new RegExp(d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '…'),
        def.text,
      );
      out.push(
        single(
          note.slug,
          slug(`term ${heading(def.headings)?.id ?? ''} ${def.term}`),
          def.headings,
          `Under **${md(heading(def.headings)?.text ?? '')}**, which term does the note define as: “${md(masked)}”?`,
          [
            {
              text: def.term,
              correct: true,
              explanation: `Right: this is how the note defines **${md(def.term)}**.`,
            },
            ...others.map((o) => ({
              text: o.term,
              correct: false,
              explanation: `The note defines **${md(o.term)}** as: “${md(o.text)}”`,
            })),
          ],
          [def.term],
        ),
      );
    }
  }
  return out;
}

const ANTONYMS = [
  ['pros', 'cons'],
  ['advantages', 'disadvantages'],
  ['benefits', 'drawbacks'],
];
const HEADING_STOP = new Set('a an the to of for and you your need in on is are'.split(' '));
const significant = (t: string) =>
  norm(t)
    .split(' ')
    .filter((w) => w && !HEADING_STOP.has(w));
/** Two list headings that set their lists against each other. */
function contrasting(a: string, b: string): boolean {
  const [x, y] = [significant(a), significant(b)];
  if (ANTONYMS.some(([p, q]) => (x.includes(p!) && y.includes(q!)) || (x.includes(q!) && y.includes(p!))))
    return true;
  return x.some((w) => y.includes(w));
}

interface NoteList {
  headings: HeadingRef[];
  items: string[];
}

/** Lists right under a heading: items as short phrases (a bold lead, or the first sentence). */
function noteLists(body: string): NoteList[] {
  const tracker = headingTracker();
  const lists: NoteList[] = [];
  let fresh = false;
  for (const node of parseNote(body).children as RootContent[]) {
    if (tracker.see(node)) {
      fresh = true;
      continue;
    }
    if (node.type === 'list' && fresh) {
      const items = (node as List).children.map((item: ListItem) => {
        const first = item.children[0] as Paragraph | undefined;
        const lead =
          first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? first.children[0] : undefined;
        return toString(lead ?? first ?? item)
          .replace(/\s+/g, ' ')
          .replace(/[:.]$/, '')
          .trim();
      });
      if (items.every((t) => t.length > 0 && t.length <= 70)) lists.push({ headings: tracker.path(), items });
    }
    if (node.type !== 'thematicBreak') fresh = false;
  }
  return lists;
}

/** Sibling lists ("Choose Stateless When" / "Choose Stateful When"): match items to their list. */
function listMatches(note: PracticeNote): Generated[] {
  const lists = noteLists(note.body);
  const out: Generated[] = [];
  const used = new Set<NoteList>();
  for (const list of lists) {
    if (used.has(list)) continue;
    const parent = list.headings
      .slice(0, -1)
      .map((h) => h.id)
      .join('/');
    const depth = heading(list.headings)?.depth;
    const candidates = lists.filter(
      (l) =>
        l.headings
          .slice(0, -1)
          .map((h) => h.id)
          .join('/') === parent && heading(l.headings)?.depth === depth,
    );
    // Contrasting lists only: "When to Use" / "When NOT to Use", "Pros" / "Cons".
    const named = (l: NoteList) => heading(l.headings)?.text ?? '';
    const near = [
      list,
      ...candidates.filter((o) => o !== list && !used.has(o) && contrasting(named(list), named(o))),
    ];
    const siblings = near.filter((l) => near.every((o) => o === l || contrasting(named(l), named(o))));
    if (siblings.length < 2) continue;
    siblings.forEach((s) => used.add(s));
    const names = siblings.map((s) => (heading(s.headings)?.text ?? '').replace(/:$/, ''));
    if (new Set(names).size < siblings.length) continue;
    // An item in two lists has two right answers: leave it out.
    const count = (t: string) => siblings.filter((s) => s.items.some((i) => core(i) === core(t))).length;
    const random = seededRandom(hashSeed(`${note.slug}:lists:${parent}`));
    const pools = siblings.map((s) =>
      shuffle(
        s.items.filter((i) => count(i) === 1),
        random,
      ).slice(0, 3),
    );
    const pairs = pools.flatMap((pool, i) => pool.map((item) => ({ item, right: names[i] as string })));
    if (pools.filter((p) => p.length).length < 2 || pairs.length < 3) continue;
    const parentHeading = list.headings.at(-2);
    const headings = parentHeading ? list.headings.slice(0, -1) : list.headings;
    out.push({
      question: {
        type: 'match',
        id: slug(`lists ${parent || heading(list.headings)?.id || ''}`),
        points: 1,
        topic: topicOf(headings),
        prompt: `The note lists these under ${names.map((n) => `**${md(n)}**`).join(' and ')}. Match each item to its list.`,
        source: sourceOf(note.slug, headings),
        pairs: shuffle(pairs, random).map((p, i) => ({
          id: `p${i + 1}-${short(p.item)}`,
          left: md(p.item),
          right: p.right,
        })),
        explanation: names
          .map((n, i) => `**${md(n)}**: ${(pools[i] ?? []).map((t) => md(t)).join('; ')}.`)
          .join(' '),
      },
      truths: [],
    });
  }
  return out;
}

/** Round-robin over the sources so a quiz mixes tables, definitions and lists. */
function interleave(groups: readonly Generated[][], max: number): Generated[] {
  const out: Generated[] = [];
  const ids = new Set<string>();
  for (let i = 0; out.length < max && groups.some((g) => g[i]); i++)
    for (const g of groups) {
      const item = g[i];
      if (item && out.length < max && !ids.has(item.question.id)) {
        ids.add(item.question.id);
        out.push(item);
      }
    }
  return out;
}

/** The gate and the pages both ask for every note's quiz in one build: compute each once. */
const made = new Map<string, { key: string; result: PracticeResult }>();

export function practiceQuiz(note: PracticeNote): PracticeResult {
  const key = JSON.stringify([note.title, note.tags ?? [], note.body]);
  const known = made.get(note.slug);
  if (known?.key === key) return known.result;
  const result = memo('practice-quiz', memoKey(note.slug, key), () => generatePractice(note));
  made.set(note.slug, { key, result });
  return result;
}

/** One note's practice quiz, computed afresh (practiceQuiz remembers it). */
export function generatePractice(note: PracticeNote): PracticeResult {
  const tables = noteTables(note.slug, note.body);
  const all = tables.flatMap((t) => tableClaims(t));
  const random = seededRandom(hashSeed(`${note.slug}:pick`));
  const matches = [...tables.flatMap((t) => sideMatch(note, t)), ...listMatches(note)];
  const cells = shuffle(
    tables.flatMap((t) => cellQuestions(note, t, all)),
    random,
  );
  const defs = shuffle(definitionQuestions(note, noteDefinitions(note.slug, note.body)), random);
  const generated = interleave([matches, cells, defs], MAX_QUESTIONS);
  if (generated.length < MIN_QUESTIONS)
    return {
      note: note.slug,
      generated,
      skipped: `not enough material: ${generated.length} question(s) from its tables, definitions and lists; a practice quiz needs ${MIN_QUESTIONS}`,
    };
  const quiz = QuizSchema.parse({
    id: practiceId(note.slug),
    title: `Practice: ${note.title}`,
    summary: `Generated from the tables, definitions and lists of the note “${note.title}”: every wrong option is something the note says about something else.`,
    tags: note.tags?.length ? [...note.tags] : ['practice'],
    notes: [note.slug],
    minutes: Math.max(2, Math.ceil(generated.length * 0.75)),
    questions: generated.map((g) => g.question),
  });
  return { note: note.slug, quiz, generated };
}

const questionText = (q: Question) => norm(q.prompt.replace(/\\/g, ''));
const optionTexts = (q: Question): string[] =>
  q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => core(o.text.replace(/\\/g, ''))) : [];

const rightText = (q: Question): string | undefined =>
  q.type === 'single' ? core((q.options.find((o) => o.correct)?.text ?? '').replace(/\\/g, '')) : undefined;

/**
 * What would make generated practice unfair, and hand-written questions that repeat one:
 * errors name the note file (or quiz file), the question id and the field.
 */
export function checkPractice(
  results: readonly (PracticeResult & { file?: string })[],
  hand: readonly { file: string; quiz: Quiz; lineOf?: (path: (string | number)[]) => number | undefined }[],
): ContentError[] {
  const errors: ContentError[] = [];
  const handIds = new Map(hand.map((h) => [h.quiz.id, h]));
  for (const r of results) {
    const file = r.file ?? `content/notes/${r.note}.mdx`;
    const taken = handIds.get(practiceId(r.note));
    if (r.quiz && taken)
      errors.push({
        file: taken.file,
        line: taken.lineOf?.(['id']),
        field: 'id',
        message: `"${practiceId(r.note)}" is the id of the practice quiz generated from ${file}; choose another id`,
      });
    for (const { question: q, truths } of r.generated) {
      const item = `practice question "${q.id}"`;
      if (q.type === 'single') {
        q.options.forEach((o, i) => {
          const text = core(o.text.replace(/\\/g, ''));
          if (!o.correct && truths.some((t) => core(t) === text))
            errors.push({
              file,
              item,
              field: `options.${i}.text`,
              message: `two right answers: “${o.text}” is marked wrong, but the note also says it for this question`,
            });
          if (optionTexts(q).filter((t) => t === text).length > 1)
            errors.push({
              file,
              item,
              field: `options.${i}.text`,
              message: `option “${o.text}” appears twice`,
            });
        });
        const right = q.options.find((o) => o.correct);
        if (right && core(right.text).length > 3 && ` ${questionText(q)} `.includes(` ${core(right.text)} `))
          errors.push({
            file,
            item,
            field: 'prompt',
            message: `the prompt gives the answer away (“${right.text}”)`,
          });
      }
    }
  }
  // A hand-written question that asks what a generated one asks (same section, same options).
  const generated = results.flatMap((r) => r.generated.map((g) => g.question));
  for (const { file, quiz, lineOf } of hand)
    quiz.questions.forEach((q, i) => {
      const twin = generated.find(
        (g) =>
          g.source === q.source &&
          (questionText(g) === questionText(q) ||
            (rightText(q) !== undefined &&
              rightText(q) === rightText(g) &&
              optionTexts(g).length === optionTexts(q).length &&
              optionTexts(g).every((t) => optionTexts(q).includes(t)))),
      );
      if (twin)
        errors.push({
          file,
          line: lineOf?.(['questions', i]),
          item: `question "${q.id}"`,
          field: `questions.${i}`,
          message: `duplicates the generated practice question "${twin.id}" (${twin.source}); ask something else or delete it`,
        });
    });
  return errors;
}

/** The one line the build and `check:content` print about generated practice. */
export function practiceSummary(practice: readonly PracticeResult[]): string {
  const made = practice.filter((p) => p.quiz);
  const questions = made.reduce((n, p) => n + (p.quiz?.questions.length ?? 0), 0);
  const skipped = practice.filter((p) => p.skipped).map((p) => `; ${p.note}: none (${p.skipped})`);
  return `${plural(made.length, 'generated quiz', 'generated quizzes')}, ${plural(questions, 'question')}${skipped.join('')}`;
}
