/**
 * All flashcards: derived from the notes (tables and definitions) plus the hand-written decks.
 * Pure and deterministic, so the same notes always give the same ids, and a card's review
 * history survives a typo fix in its answer.
 *
 * Ids are `<deck>/<heading-id>--<label slugs>`: chosen from where the card lives and what it
 * asks, never from the answer text. Derived decks are named after their note.
 *
 * The same fact stated in several notes (same option, aspect and value; same term and text)
 * becomes ONE card in the first note's deck (by reading order) that links to every source.
 * Cards asking the same question with different answers in different notes (e.g. "Stateless —
 * scalability?") stay separate and list each other as `related`.
 */
import type { Card, CardKind, Deck, DeckFile } from '../../schemas/deck.ts';
import { type Definition, noteDefinitions } from '../notes/definitions.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import { NOTE_TOP, anchorText } from '../notes/anchors.ts';
import { type Claim, type HeadingRef, type NoteTable, noteTables, tableClaims } from '../notes/tables.ts';
import { normalise, slugify } from '../content/text.ts';
import { duplicateIds } from '../content/yaml.ts';

export interface NoteInput {
  slug: string;
  title: string;
  order: number;
  body: string;
  tags?: readonly string[];
}

/** The deck of every card: `/flashcards/all/` reviews whatever is due in any deck. */
export const ALL_DECK_ID = 'all';

/** Deck ids the site uses itself, which no note or deck file may take. */
export const RESERVED_DECK_IDS = new Set([ALL_DECK_ID]);

/** A card id part: a slug, or `x` for text with no letters or digits (an id part is never empty). */
export const cardIdPart = (text: string): string => slugify(text) || 'x';

/** "Stateless Architecture", "Stateless Systems", "Stateless" name the same side. */
const normSide = (text: string) =>
  normalise(text)
    .replace(/\b(architecture|architectures|systems?|services?)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Draft {
  card: Card;
  /** Same key → same fact: merged. */
  same: string;
  /** Same key → same question: linked as related. */
  topic?: string;
}

/** "Stateless vs Stateful Services › Comparison": the last two headings say where a card is. */
const contextOf = (headings: readonly HeadingRef[]) =>
  headings
    .slice(-2)
    .map((h) => h.text)
    .join(' › ');

// Above the first heading a card points at the top of the note page.
const ref = (note: string, headings: readonly HeadingRef[]) => `${note}#${headings.at(-1)?.id ?? NOTE_TOP}`;

function card(
  deck: string,
  kind: CardKind,
  slug: string,
  fields: { context: string; front: string; back: string; source: string; tags?: readonly string[] },
): Card {
  return {
    id: `${deck}/${slug}`,
    deck,
    kind,
    context: fields.context,
    front: fields.front,
    back: fields.back,
    sources: [fields.source],
    related: [],
    tags: [...(fields.tags ?? [])],
  };
}

/** "No (always running)" and "No" give the same answer to "which one?": compare without asides. */
const core = (value: string) => normalise(value.replace(/\([^)]*\)/g, ''));

/** Is `value` the only cell saying this among the claims of one comparison? */
const unique = (claims: readonly Claim[], claim: Claim) =>
  claims.filter((c) => core(c.value) === core(claim.value)).length === 1;

function tableDrafts(table: NoteTable, tags: readonly string[]): Draft[] {
  const claims = tableClaims(table);
  const where = cardIdPart(table.headings.at(-1)?.id ?? 'table');
  const context = contextOf(table.headings);
  const source = ref(table.note, table.headings);
  const drafts: Draft[] = [];
  for (const claim of claims) {
    const side = normSide(claim.option);
    if (claim.shape === 'category') {
      drafts.push({
        card: card(table.note, 'category', `${where}--${cardIdPart(claim.value)}`, {
          context,
          front: `“${claim.value}” — ${claim.options.join(' or ')}?`,
          // The option the question offers ("Serverless"), not the column it came from ("Use Serverless For").
          back: claim.option,
          source,
          tags,
        }),
        same: `c|${side}|${normalise(claim.value)}`,
      });
      continue;
    }
    const base = `${where}--${cardIdPart(claim.aspect)}--${cardIdPart(claim.option)}`;
    const forward =
      claim.shape === 'lookup' ? `${claim.aspect} — ${claim.option}?` : `${claim.option} — ${claim.aspect}?`;
    drafts.push({
      card: card(table.note, 'table', base, {
        context,
        front: forward,
        back: claim.value,
        source,
        tags,
      }),
      same: `t|${side}|${normalise(claim.aspect)}|${normalise(claim.value)}`,
      topic: `t|${side}|${normalise(claim.aspect)}`,
    });
    // The other direction only where it has one right answer: two or more options, and no
    // other option in the same comparison says the same thing ("Per server-hour" twice).
    if (claim.shape === 'lookup' || claim.options.length < 2) continue;
    const peers = claims.filter((c) =>
      claim.shape === 'entity' ? c.aspect === claim.aspect : c.row === claim.row,
    );
    if (!unique(peers, claim)) continue;
    drafts.push({
      card: card(table.note, 'table-reverse', `${base}--r`, {
        context,
        front:
          claim.shape === 'entity'
            ? `${claim.aspect}: “${claim.value}” — which ${claim.axis.toLowerCase()}?`
            : `${claim.aspect}: “${claim.value}” — ${claim.options.join(' or ')}?`,
        back: claim.option,
        source,
        tags,
      }),
      same: `r|${side}|${normalise(claim.aspect)}|${normalise(claim.value)}`,
    });
  }
  return drafts;
}

function definitionDraft(def: Definition, tags: readonly string[]): Draft {
  const where = cardIdPart(def.headings.at(-1)?.id ?? 'definition');
  const term = def.kind === 'term';
  return {
    card: card(def.note, term ? 'term' : 'definition', `${where}--${cardIdPart(def.term)}`, {
      context: contextOf(def.headings),
      front: term
        ? `${def.term}?`
        : def.kind === 'section'
          ? `${def.term} — definition?`
          : `${def.term} — in one line?`,
      back: def.text,
      source: ref(def.note, def.headings),
      tags,
    }),
    same: `d|${normSide(def.term)}|${normalise(def.text)}`,
    topic: term
      ? `d|${normalise(contextOf(def.headings.slice(-1)))}|${normSide(def.term)}`
      : `d|${normSide(def.term)}`,
  };
}

/** The cards one note yields, in reading order, before merging across notes. */
export function noteCards(note: NoteInput): Card[] {
  return noteDrafts(note).map((d) => d.card);
}

function noteDrafts(note: NoteInput): Draft[] {
  const tags = note.tags ?? [];
  return [
    ...noteDefinitions(note.slug, note.body).map((d) => definitionDraft(d, tags)),
    ...noteTables(note.slug, note.body).flatMap((t) => tableDrafts(t, tags)),
  ];
}

export interface DerivedDecks {
  decks: Deck[];
  /** Cards dropped as duplicates: `id` merged into `into`. */
  merged: { id: string; into: string }[];
}

/** Decks derived from the notes: one per note with cards, duplicates merged, same questions linked. */
export function deriveDecks(notes: readonly NoteInput[]): DerivedDecks {
  const ordered = [...notes].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const kept = new Map<string, Draft>();
  const merged: { id: string; into: string }[] = [];
  const byNote = new Map<string, Draft[]>();
  for (const note of ordered) {
    const drafts: Draft[] = [];
    for (const draft of noteDrafts(note)) {
      const first = kept.get(draft.same);
      if (first) {
        for (const s of draft.card.sources) if (!first.card.sources.includes(s)) first.card.sources.push(s);
        merged.push({ id: draft.card.id, into: first.card.id });
        continue;
      }
      kept.set(draft.same, draft);
      drafts.push(draft);
    }
    byNote.set(note.slug, drafts);
  }
  linkRelated([...kept.values()]);
  const decks = ordered.flatMap((note): Deck[] => {
    const cards = (byNote.get(note.slug) as Draft[]).map((d) => d.card);
    return cards.length
      ? [
          {
            id: note.slug,
            title: note.title,
            summary: `Derived from the tables and definitions of the note “${note.title}”.`,
            origin: 'note',
            cards,
          },
        ]
      : [];
  });
  return { decks, merged };
}

function linkRelated(drafts: readonly Draft[]) {
  const groups = new Map<string, Card[]>();
  for (const d of drafts) {
    if (!d.topic) continue;
    groups.set(d.topic, [...(groups.get(d.topic) ?? []), d.card]);
  }
  for (const cards of groups.values()) {
    for (const c of cards) c.related = cards.filter((o) => o !== c && o.deck !== c.deck).map((o) => o.id);
  }
}

/** A checked hand-written deck as built cards; the context is the heading its source names. */
export function handDeck(file: DeckFile, index: AnchorIndex): Deck {
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    origin: 'hand',
    cards: file.cards.map((c) => {
      const where = anchorText(c.source, index);
      return card(file.id, 'hand', c.id, {
        context: where ? `${where.heading}` : '',
        front: c.front,
        back: c.back,
        source: c.source,
        tags: c.tags,
      });
    }),
  };
}

/** Every deck, note decks first (reading order), then hand-written decks by title. */
export function allDecks(notes: readonly NoteInput[], hand: readonly DeckFile[], index: AnchorIndex): Deck[] {
  const derived = deriveDecks(notes).decks;
  const written = [...hand].sort((a, b) => a.title.localeCompare(b.title)).map((d) => handDeck(d, index));
  return [...derived, ...written];
}

/** Every card of every deck, as the one deck `/flashcards/all/` reviews. */
export function allCardsDeck(decks: readonly Deck[]): Deck {
  return {
    id: ALL_DECK_ID,
    title: 'All decks',
    summary: 'Every card that is due, from every deck.',
    origin: 'note',
    cards: decks.flatMap((d) => d.cards),
  };
}

/** Ids that appear twice: a derivation rule that would make two cards share review history. */
export const duplicateCardIds = (decks: readonly Deck[]): string[] => [
  ...new Set(duplicateIds(decks.flatMap((d) => d.cards)).map((d) => d.id)),
];
