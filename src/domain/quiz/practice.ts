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

/** A claim the notes disagree on (content/compare/*.yaml): never the right answer of a generated question. */
export interface DisputedClaim {
  /** `note#section` */
  source: string;
  option?: string | undefined;
  value?: string | undefined;
  /** Words of the note's prose the disagreement names ("No in-memory state between invocations"). */
  quote?: string | undefined;
}

/**
 * What generation needs to know besides the note: the reviewed disagreements (a disputed cell is
 * not asked as if it were settled) and the hand-written questions (a section a hand-written
 * match or pick-all question already practises gets no generated one that asks the same).
 */
export interface PracticeContext {
  disputed?: readonly DisputedClaim[];
  hand?: readonly Pick<Question, 'source' | 'type'>[];
}

/** The context from the reviewed comparisons and the hand-written quizzes (the gate and the pages pass the same). */
export const practiceContext = (
  comparisons: readonly { disagreements: readonly { claims: readonly DisputedClaim[] }[] }[],
  hand: readonly Pick<Quiz, 'questions'>[],
): PracticeContext => ({
  disputed: comparisons.flatMap((c) =>
    c.disagreements.flatMap((d) =>
      d.claims.map((claim) => ({
        source: claim.source,
        option: claim.option,
        value: claim.value,
        quote: claim.quote,
      })),
    ),
  ),
  hand: hand.flatMap((q) => q.questions.map((x) => ({ source: x.source, type: x.type }))),
});

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
/** Fewer questions than this is not a quiz (two six-pair matches are twelve answers to give). */
export const MIN_QUESTIONS = 2;
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

/**
 * Cell questions from a matrix or entity table with three or more sides: "for VMs, Complexity
 * is…?". The wrong options are the other sides' cells of the same row — what the note says about
 * something else for this very aspect. Cells from other rows are not used: they are true of the
 * same side (a careful candidate would argue they are right too) or plainly off-topic, and with
 * only two sides a question is a coin flip, so two-sided tables get their matching question only.
 */
function cellQuestions(note: PracticeNote, table: NoteTable, all: readonly Claim[], ctx: Ctx): Generated[] {
  const claims = tableClaims(table).filter((c) => c.shape === 'matrix' || c.shape === 'entity');
  const out: Generated[] = [];
  const place = `the table under **${md(heading(table.headings)?.text ?? '')}**`;
  const remark = ctx.remarkFor(table.headings);
  if (ctx.taken(sourceOf(note.slug, table.headings))) return [];
  // One question per row: a second cell of the same row is answered by elimination from the first.
  const asked = new Set<string>();
  const random = seededRandom(hashSeed(`${note.slug}:cells:${table.index}`));
  for (const claim of shuffle(claims, random)) {
    if (asked.has(claim.aspect) || ctx.matched.has(rowKey(claim)) || ctx.isDisputed(claim, table.headings))
      continue;
    const row = claims.filter((c) => c.aspect === claim.aspect && c.option !== claim.option);
    // Every cell anywhere in the note saying this option's value for this aspect is also right.
    const truths = all
      .filter((c) => sideKey(c.option) === sideKey(claim.option) && norm(c.aspect) === norm(claim.aspect))
      .map((c) => c.value);
    const picked = distinct(row, (c) => c.value, truths, 3);
    if (picked.length < 2) continue;
    asked.add(claim.aspect);
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
            explanation: `Right: the table gives “${md(claim.value)}” for ${md(claim.option)}, ${md(claim.aspect)}.${remark}`,
          },
          ...picked.map((c) => ({
            text: c.value,
            correct: false,
            explanation: `That is what the same row says for **${md(c.option)}**, not ${md(claim.option)}.`,
          })),
        ],
        truths,
      ),
    );
  }
  return out;
}

/** One matching question per matrix table: statements to the side they describe. */
function sideMatch(note: PracticeNote, table: NoteTable, ctx: Ctx): Generated[] {
  if (table.shape !== 'matrix' && table.shape !== 'category') return [];
  if (ctx.taken(sourceOf(note.slug, table.headings))) return [];
  const claims = tableClaims(table);
  const options = claims[0]?.options ?? [];
  if (options.length < 2) return [];
  // Only statements that do not name their side, and that one side alone says.
  // …and that the notes do not dispute (a reviewed disagreement is not a fact to match).
  const usable = claims.filter(
    (c) =>
      claims.filter((o) => core(o.value) === core(c.value)).length === 1 &&
      !givesAway(c.value, c.option, options) &&
      !ctx.isDisputed(c, table.headings),
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
  // The quiz shows the matching pairs: a cell question on their rows would be answered by elimination.
  for (const p of pairs) ctx.matched.add(rowKey(p));
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
          '.' +
          ctx.remarkFor(table.headings),
      },
      truths: [],
    },
  ];
}

/** Which term does this definition describe? Distractors: the sibling terms of the same list. */
/** Word stems of a term ("Edge Functions" → edge, funct): a definition using one points at it. */
const stems = (t: string) =>
  significant(t.replace(/\([^)]*\)/g, ' '))
    .filter((w) => w.length >= 4)
    .map((w) => w.slice(0, 5));
const words = (t: string) => norm(t).split(' ').filter(Boolean);
/** Fewer words than this ("Session store", "Redis, Memcached") is an example, not a definition. */
const MIN_DEFINITION_WORDS = 4;
const MAX_PER_LIST = 2;

/**
 * Does the definition name its own term in other words — a stem only this term has among the
 * options ("Serverless functions deployed to edge locations" → Edge Functions)?
 */
function namesItself(def: Definition, options: readonly Definition[]): boolean {
  const text = words(def.text);
  const others = options.filter((o) => o !== def).flatMap((o) => stems(o.term));
  return stems(def.term).some((s) => !others.includes(s) && text.some((w) => w.startsWith(s)));
}

function definitionQuestions(note: PracticeNote, defs: readonly Definition[], ctx: Ctx): Generated[] {
  // A disputed definition is neither asked nor offered as a wrong option with the note's words as fact.
  const terms = defs.filter(
    (d) =>
      d.kind === 'term' && words(d.text).length >= MIN_DEFINITION_WORDS && !ctx.quoted(d.text, d.headings),
  );
  const groups = new Map<string, Definition[]>();
  for (const d of terms) {
    const key = heading(d.headings)?.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const out: Generated[] = [];
  for (const group of groups.values()) {
    if (group.length < 3 || ctx.taken(sourceOf(note.slug, group[0]?.headings ?? []))) continue;
    // Two per list: more drills one list, and each answer narrows the next by elimination.
    let asked = 0;
    for (const def of group) {
      if (asked === MAX_PER_LIST) break;
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
      if (others.length < 2 || namesItself(def, [def, ...others])) continue;
      // The definition must not name its own term (or any option: that would point at it).
      const masked = [def, ...others].reduce(
        // Whole words, plural included: "functions" is masked whole, never as "…s".
        (text, d) =>
          text.replace(
            new RegExp(`\\b${d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:e?s)?\\b`, 'gi'),
            '…',
          ),
        def.text,
      );
      asked++;
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
              explanation: `Right: this is how the note defines **${md(def.term)}**.${ctx.remarkFor(def.headings)}`,
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
        const whole = toString(first ?? item)
          .replace(/\s+/g, ' ')
          .trim();
        // "**Performance critical** + limited scale": the qualifier is part of the item. A bold
        // lead stands alone only before a colon or when the whole item is too long to match.
        const afterLead = lead ? whole.slice(toString(lead).length).trim() : '';
        const text = lead && (/^[:—–-]/.test(afterLead) || whole.length > 70) ? toString(lead) : whole;
        return text.replace(/[:.]$/, '').trim();
      });
      if (items.every((t) => t.length > 0 && t.length <= 70)) lists.push({ headings: tracker.path(), items });
    }
    if (node.type !== 'thematicBreak') fresh = false;
  }
  return lists;
}

/** Sibling lists ("Choose Stateless When" / "Choose Stateful When"): match items to their list. */
function listMatches(note: PracticeNote, ctx: Ctx): Generated[] {
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
    if ([headings, ...siblings.map((l) => l.headings)].some((h) => ctx.taken(sourceOf(note.slug, h))))
      continue;
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
        explanation:
          names.map((n, i) => `**${md(n)}**: ${(pools[i] ?? []).map((t) => md(t)).join('; ')}.`).join(' ') +
          siblings.map((l) => ctx.remarkFor(l.headings)).join(''),
      },
      truths: [],
    });
  }
  return out;
}

/**
 * "Note: …" paragraphs the reader (or a content fix) added to a section, by section id: where a
 * note qualifies or corrects its own table or list, every question from that section says so.
 */
function noteRemarks(body: string): Map<string, string[]> {
  const tracker = headingTracker();
  const remarks = new Map<string, string[]>();
  for (const node of parseNote(body).children as RootContent[]) {
    if (tracker.see(node) || node.type !== 'paragraph') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    const found = /^note:\s*(.+)$/i.exec(text);
    const id = tracker.path().at(-1)?.id;
    if (found?.[1] && id !== undefined) remarks.set(id, [...(remarks.get(id) ?? []), found[1]]);
  }
  return remarks;
}

/** A table row: a matching question that shows one of its cells rules that cell out of the row's question. */
const rowKey = (c: Claim) => `${c.table}:${c.row}`;

/** What the question builders share for one note. */
interface Ctx {
  isDisputed: (claim: Claim, headings: readonly HeadingRef[]) => boolean;
  /** The text holds words a reviewed disagreement quotes from this section. */
  quoted: (text: string, headings: readonly HeadingRef[]) => boolean;
  /** " The note adds: …" for a section with a remark, else "". */
  remarkFor: (headings: readonly HeadingRef[]) => string;
  /** Table rows a generated matching question shows a cell of (rowKey). */
  matched: Set<string>;
  /** A hand-written match or pick-all already practises this section: generating more repeats it. */
  taken: (source: string) => boolean;
}

function contextFor(note: PracticeNote, context: PracticeContext): Ctx {
  const remarks = noteRemarks(note.body);
  // A hand-written match or pick-all sorts a section's items as a generated match would.
  const matches = new Set(
    (context.hand ?? []).filter((q) => q.type === 'match' || q.type === 'multiple').map((q) => q.source),
  );
  return {
    isDisputed: (claim, headings) =>
      (context.disputed ?? []).some(
        (d) =>
          d.source === sourceOf(note.slug, headings) &&
          d.value !== undefined &&
          core(d.value) === core(claim.value) &&
          (d.option === undefined || sideKey(d.option) === sideKey(claim.option)),
      ),
    quoted: (text, headings) =>
      (context.disputed ?? []).some(
        (d) =>
          d.source === sourceOf(note.slug, headings) &&
          d.quote !== undefined &&
          ` ${norm(text)} `.includes(` ${norm(d.quote)} `),
      ),
    remarkFor: (headings) =>
      (remarks.get(heading(headings)?.id ?? '') ?? []).map((r) => ` The note adds: ${md(r)}`).join(''),
    taken: (source) => matches.has(source),
    matched: new Set(),
  };
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

export function practiceQuiz(note: PracticeNote, context: PracticeContext = {}): PracticeResult {
  const key = JSON.stringify([note.title, note.tags ?? [], note.body, context]);
  const known = made.get(note.slug);
  if (known?.key === key) return known.result;
  // The key holds the context too: a changed disagreement or hand-written question changes the quiz.
  const result = memo('practice-quiz', memoKey(note.slug, key), () => generatePractice(note, context));
  made.set(note.slug, { key, result });
  return result;
}

/** One note's practice quiz, computed afresh (practiceQuiz remembers it). */
export function generatePractice(note: PracticeNote, context: PracticeContext = {}): PracticeResult {
  const ctx = contextFor(note, context);
  const tables = noteTables(note.slug, note.body);
  const all = tables.flatMap((t) => tableClaims(t));
  const random = seededRandom(hashSeed(`${note.slug}:pick`));
  const matches = [...tables.flatMap((t) => sideMatch(note, t, ctx)), ...listMatches(note, ctx)];
  const cells = shuffle(
    tables.flatMap((t) => cellQuestions(note, t, all, ctx)),
    random,
  );
  const defs = shuffle(definitionQuestions(note, noteDefinitions(note.slug, note.body), ctx), random);
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
          // Two matching questions on one section sort the same items into the same groups.
          ((g.type === 'match' && q.type === 'match') ||
            questionText(g) === questionText(q) ||
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
