/**
 * Cross-note comparison: the claims of every comparison table (from `note-tables.ts`, the same
 * parser the flashcards use), normalised through the reviewed vocabulary and merged into one
 * matrix per comparison — a row per aspect, a cell per option, each cell every note's claims.
 *
 * Disagreements are found, not declared: within one table row, words such as "higher"/"lower"
 * or "easy"/"complex" put one option above the other. When two rows (from any notes) order the
 * same two options on the same aspect opposite ways, that is a disagreement; its human-written
 * resolution lives in `content/compare/<id>.yaml` and is checked against the notes here.
 * Pure: note bodies and parsed YAML in, data out.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type {
  Aspect,
  ClaimRef,
  Comparison,
  OptionTerm,
  Resolution,
  Vocabulary,
} from '../../schemas/compare.ts';
import {
  type Claim,
  type NoteTable,
  headingTracker,
  noteTables,
  parseNote,
  tableClaims,
} from '../notes/tables.ts';
import { memo } from '../content/memo.ts';
import { normalise } from '../content/text.ts';

export interface NoteSource {
  slug: string;
  title: string;
  body: string;
}

/** A table cell, placed in a comparison: which aspect and option it speaks to, and where. */
export interface MatrixClaim {
  note: string;
  /** `note#heading`: the section the table sits in (the link target). */
  source: string;
  heading: string;
  aspect: string;
  /** The label the note uses for the aspect ("Horizontal Scaling"). */
  aspectLabel: string;
  option: string;
  /** The label the note uses for the option ("Stateful Architecture", "Monolith"). */
  optionLabel: string;
  value: string;
  /** For a one-column table under an option's heading: its header ("Benefit", "Challenge"). */
  qualifier?: string;
  table: number;
  row: number;
}

export interface MatrixRow {
  aspect: string;
  label: string;
  cells: Record<string, MatrixClaim[]>;
}

const slugKey = (label: string): string => normalise(label).replace(/ /g, '-');

export interface Lookup {
  aspect: (label: string) => Aspect | undefined;
  option: (label: string) => OptionTerm | undefined;
}

export function vocabularyLookup(vocab: Vocabulary): Lookup {
  const index = <T extends { aliases: string[]; label: string; id: string }>(items: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of items)
      for (const alias of [...item.aliases, item.label, item.id]) map.set(normalise(alias), item);
    return (label: string) => map.get(normalise(label));
  };
  return { aspect: index(vocab.aspects), option: index(vocab.options) };
}

/** The option a section is about, from its headings (innermost first): "Stateless Systems" → stateless. */
const headingOption = (table: NoteTable, lookup: Lookup): OptionTerm | undefined =>
  table.headings
    .toReversed()
    .map((h) => lookup.option(h.text))
    .find(Boolean);

export interface TableUse {
  note: string;
  table: NoteTable;
  /** Option keys the table speaks to (after the vocabulary). */
  options: string[];
}

/**
 * The claims of one table as comparison claims. A one-value table (`Aspect | Benefit`) speaks
 * for the option its heading names; any other table for the options in its header or rows.
 */
export function tableMatrixClaims(table: NoteTable, lookup: Lookup): MatrixClaim[] {
  const last = table.headings.at(-1);
  const where = { note: table.note, source: `${table.note}#${last?.id ?? ''}`, heading: last?.text ?? '' };
  const sectionOption = table.shape === 'lookup' ? headingOption(table, lookup) : undefined;
  return tableClaims(table).flatMap((claim: Claim): MatrixClaim[] => {
    const option = table.shape === 'lookup' ? sectionOption : lookup.option(claim.option);
    if (!option) return [];
    const aspect = lookup.aspect(claim.aspect);
    return [
      {
        ...where,
        aspect: aspect?.id ?? slugKey(claim.aspect),
        aspectLabel: claim.aspect,
        option: option.id,
        optionLabel: table.shape === 'lookup' ? option.label : claim.option,
        value: claim.value,
        ...(table.shape === 'lookup' ? { qualifier: claim.option } : {}),
        table: claim.table,
        row: claim.row,
      },
    ];
  });
}

export interface NotesClaims {
  tables: NoteTable[];
  claims: MatrixClaim[];
}

/** Every table of every note, and all their claims that the vocabulary can place. */
export function notesClaims(notes: readonly NoteSource[], lookup: Lookup): NotesClaims {
  const tables = notes.flatMap((n) => noteTables(n.slug, n.body));
  return { tables, claims: tables.flatMap((t) => tableMatrixClaims(t, lookup)) };
}

const sameTable = (a: { note: string; table: number }, b: { note: string; table: number }) =>
  a.note === b.note && a.table === b.table;

/**
 * The claims a comparison shows: from tables that compare at least two of its options, or
 * one-value tables under a heading naming one of them. Other tables are returned as unused,
 * so a page can say what it left out.
 */
export function comparisonClaims(
  all: NotesClaims,
  comparison: Pick<Comparison, 'options'>,
): { claims: MatrixClaim[]; used: NoteTable[]; unused: NoteTable[] } {
  const wanted = new Set(comparison.options);
  const used: NoteTable[] = [];
  const unused: NoteTable[] = [];
  const claims: MatrixClaim[] = [];
  for (const table of all.tables) {
    const mine = all.claims.filter((c) => sameTable(c, { note: table.note, table: table.index }));
    const options = new Set(mine.map((c) => c.option).filter((o) => wanted.has(o)));
    if (options.size >= 2 || (table.shape === 'lookup' && options.size === 1)) {
      used.push(table);
      claims.push(...mine.filter((c) => wanted.has(c.option)));
    } else unused.push(table);
  }
  return { claims, used, unused };
}

/** One row per aspect (vocabulary order, then unknown aspects as met), one cell per option. */
export function mergeMatrix(
  claims: readonly MatrixClaim[],
  vocab: Vocabulary,
  options: readonly string[],
): MatrixRow[] {
  const order = new Map(vocab.aspects.map((a, i) => [a.id, i]));
  const rows = new Map<string, MatrixRow>();
  for (const claim of claims) {
    let row = rows.get(claim.aspect);
    if (!row) {
      const label = vocab.aspects.find((a) => a.id === claim.aspect)?.label ?? claim.aspectLabel;
      row = { aspect: claim.aspect, label, cells: Object.fromEntries(options.map((o) => [o, []])) };
      rows.set(claim.aspect, row);
    }
    row.cells[claim.option]?.push(claim);
  }
  const rank = (aspect: string) => order.get(aspect) ?? order.size;
  // Map iteration is insertion order, and sort is stable: unknown aspects keep the order met.
  return [...rows.values()].sort((a, b) => rank(a.aspect) - rank(b.aspect));
}

/* ---------------------------------------------------------------- disagreements */

export type Scale = 'amount' | 'effort';

/** Words that place a value on a scale; the first one found in the cell counts. */
const SCALE_WORDS: Record<Scale, Record<string, number>> = {
  effort: {
    trivial: 0,
    easy: 1,
    easier: 1,
    simple: 1,
    simpler: 1,
    moderate: 2,
    complex: 3,
    hard: 3,
    harder: 3,
    difficult: 3,
    challenging: 3,
  },
  amount: {
    none: 0,
    minimal: 1,
    low: 2,
    lower: 2,
    less: 2,
    moderate: 3,
    medium: 3,
    high: 4,
    higher: 4,
    more: 4,
  },
};

/**
 * Where a cell sits on each scale it has a word for (the first such word counts): "More complex
 * (state…)" → effort 3 and amount 4, "Low(initially)" → amount 2, "Round-robin works" → nothing.
 */
export function rankOf(value: string): Partial<Record<Scale, number>> {
  const words = normalise(value).split(' ');
  const ranks: Partial<Record<Scale, number>> = {};
  for (const scale of ['effort', 'amount'] as const) {
    const word = words.find((w) => Object.hasOwn(SCALE_WORDS[scale], w));
    if (word !== undefined) ranks[scale] = SCALE_WORDS[scale][word] as number;
  }
  return ranks;
}

/** Two cells compared on the first scale both have a word for (effort words first). */
export function compareCells(a: string, b: string): { scale: Scale; sign: 1 | -1 } | undefined {
  const ra = rankOf(a);
  const rb = rankOf(b);
  for (const scale of ['effort', 'amount'] as const) {
    const x = ra[scale];
    const y = rb[scale];
    if (x === undefined || y === undefined) continue;
    return x === y ? undefined : { scale, sign: x > y ? 1 : -1 };
  }
  return undefined;
}

/** Two claims of one table row: `first` is the option that sorts first (by comparison order). */
export interface RowOrder {
  aspect: string;
  first: MatrixClaim;
  second: MatrixClaim;
  /** +1: the row puts `first` above `second` (on the aspect's amount scale); −1: below. */
  sign: 1 | -1;
  scale: Scale;
}

export interface Disagreement {
  aspect: string;
  /** The two options, in comparison order. */
  options: [string, string];
  scale: Scale;
  /** Rows that put the first option above the second… */
  above: RowOrder[];
  /** …and rows that put it below. */
  below: RowOrder[];
}

/** How every table row orders every two options of the comparison on its aspect. */
export function rowOrders(
  claims: readonly MatrixClaim[],
  vocab: Vocabulary,
  options: readonly string[],
): RowOrder[] {
  const effortOf = new Map(vocab.aspects.map((a) => [a.id, a.effort]));
  const position = (o: string) => options.indexOf(o);
  const byRow = new Map<string, MatrixClaim[]>();
  for (const claim of claims) {
    const key = `${claim.note}/${claim.table}/${claim.row}/${claim.aspect}`;
    byRow.set(key, [...(byRow.get(key) ?? []), claim]);
  }
  const orders: RowOrder[] = [];
  for (const row of byRow.values()) {
    for (const [i, a] of row.entries()) {
      for (const b of row.slice(i + 1)) {
        if (a.option === b.option) continue;
        const [first, second] = position(a.option) < position(b.option) ? [a, b] : [b, a];
        const cmp = compareCells(first.value, second.value);
        if (!cmp) continue;
        const effort = effortOf.get(a.aspect);
        let { sign, scale } = cmp;
        // Effort words count on the amount scale when the vocabulary says how they relate.
        if (scale === 'effort' && effort) {
          if (effort === 'inverse') sign = sign === 1 ? -1 : 1;
          scale = 'amount';
        }
        orders.push({ aspect: a.aspect, first, second, sign, scale });
      }
    }
  }
  return orders;
}

/** Aspects on which some rows order two options one way and other rows the other way. */
export function findDisagreements(
  claims: readonly MatrixClaim[],
  vocab: Vocabulary,
  options: readonly string[],
): Disagreement[] {
  const groups = new Map<string, RowOrder[]>();
  for (const order of rowOrders(claims, vocab, options)) {
    const key = `${order.aspect}|${order.first.option}|${order.second.option}|${order.scale}`;
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.values()].flatMap((orders): Disagreement[] => {
    const above = orders.filter((o) => o.sign === 1);
    const below = orders.filter((o) => o.sign === -1);
    const [one] = orders as [RowOrder];
    return above.length && below.length
      ? [
          {
            aspect: one.aspect,
            options: [one.first.option, one.second.option],
            scale: one.scale,
            above,
            below,
          },
        ]
      : [];
  });
}

/* ---------------------------------------------------------------- resolutions */

/** The text of every section (heading id → its prose, subsections included), Markdown marks dropped. */
export const sectionTexts = (body: string): Map<string, string> =>
  memo('section-texts', body, () => readSectionTexts(body));

function readSectionTexts(body: string): Map<string, string> {
  const tree: Root = parseNote(body);
  const headings = headingTracker();
  const texts = new Map<string, string[]>();
  for (const node of tree.children) {
    if (headings.see(node)) {
      for (const h of headings.path()) if (!texts.has(h.id)) texts.set(h.id, []);
      continue;
    }
    const text = plainText(node);
    for (const h of headings.path()) texts.get(h.id)?.push(text);
  }
  return new Map([...texts].map(([id, parts]) => [id, squash(parts.join(' '))]));
}

const plainText = (node: RootContent): string => {
  const parts: string[] = [];
  visit(node, (n: RootContent) => {
    if (n.type === 'text' || n.type === 'inlineCode') parts.push(n.value);
  });
  return parts.join('');
};

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Does a resolution's claim reference point at a claim the note still makes? */
export function matchClaim(ref: ClaimRef, claims: readonly MatrixClaim[]): MatrixClaim | undefined {
  return claims.find(
    (c) =>
      c.source === ref.source && c.option === ref.option && normalise(c.value) === normalise(ref.value ?? ''),
  );
}

/**
 * Why a claim reference is stale, or undefined when the note still says it. `sections` is
 * `note → heading id → text` (from `sectionTexts`).
 */
export function staleClaim(
  ref: ClaimRef,
  claims: readonly MatrixClaim[],
  sections: ReadonlyMap<string, ReadonlyMap<string, string>>,
  /** The aspect the resolution is about: what the note says on it now is named first. */
  aspect?: string,
): string | undefined {
  const [note = '', heading = ''] = ref.source.split('#');
  if (ref.quote !== undefined) {
    const text = sections.get(note)?.get(heading) ?? '';
    return text.toLowerCase().includes(squash(ref.quote).toLowerCase())
      ? undefined
      : `the section ${ref.source} no longer says "${ref.quote}": update the quote and re-read the resolution`;
  }
  if (matchClaim(ref, claims)) return undefined;
  const inSection = claims.filter((c) => c.source === ref.source && c.option === ref.option);
  const onAspect = inSection.filter((c) => c.aspect === aspect);
  const there = onAspect.length ? onAspect : inSection;
  return (
    `no table in ${ref.source} says "${ref.value}" for ${ref.option}` +
    (there.length
      ? ` (it says: ${there.map((c) => `${c.aspectLabel} "${c.value}"`).join(', ')})`
      : ' (no table there has that option)') +
    ': the note changed, so re-read the resolution and update it'
  );
}

/** A detected disagreement is resolved by a resolution on its aspect citing a claim of each side. */
export function resolutionFor(
  disagreement: Disagreement,
  resolutions: readonly Resolution[],
): Resolution | undefined {
  const cites = (orders: RowOrder[], r: Resolution) =>
    orders.some((o) =>
      r.claims.some((ref) => [o.first, o.second].some((c) => matchClaim(ref, [c]) !== undefined)),
    );
  return resolutions.find(
    (r) => r.aspect === disagreement.aspect && cites(disagreement.above, r) && cites(disagreement.below, r),
  );
}
