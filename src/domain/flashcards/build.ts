/**
 * Every deck the site shows: cards derived from the notes (derive.ts), passed through the
 * card-quality stage (quality.ts), then the hand-written decks. One function, so the pages, the
 * Anki files and `npm run report:content` all see the same cards. Pure.
 */
import type { Comparison, Vocabulary } from '../../schemas/compare.ts';
import type { Deck, DeckFile } from '../../schemas/deck.ts';
import { vocabularyLookup } from '../compare/matrix.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import { type NoteInput, deriveDecks, handDeck } from './derive.ts';
import { type DisagreementLink, type QualityOptions, type QualityResult, improveDecks } from './quality.ts';

/** The reviewed disagreements of the comparison pages, as links a card can carry. */
export const disagreementLinks = (comparisons: readonly Comparison[]): DisagreementLink[] =>
  comparisons.flatMap((c) =>
    c.disagreements.map((d) => ({
      href: `/compare/${c.id}/#${d.id}`,
      title: d.title,
      aspect: d.aspect,
      claims: d.claims,
    })),
  );

export interface BuiltDecks extends QualityResult {
  /** Cards before the quality stage, per derived deck (for the report). */
  derivedCounts: Record<string, number>;
  /** The options the stage ran with (the report audits the result with the same ones). */
  options: QualityOptions;
}

export function buildDecks(input: {
  notes: readonly NoteInput[];
  hand: readonly DeckFile[];
  index: AnchorIndex;
  vocabulary?: Vocabulary | undefined;
  comparisons?: readonly Comparison[] | undefined;
  /** false: the decks as derived, without the quality stage (what the report compares against). */
  quality?: boolean;
}): BuiltDecks {
  const derived = deriveDecks(input.notes).decks;
  const lookup = input.vocabulary ? vocabularyLookup(input.vocabulary) : undefined;
  const options: QualityOptions = {
    ...(lookup
      ? {
          aspectOf: (label: string) => lookup.aspect(label)?.id,
          optionOf: (label: string) => lookup.option(label)?.id,
          tellsOf: (label: string) => lookup.option(label)?.tells ?? [],
        }
      : {}),
    disagreements: disagreementLinks(input.comparisons ?? []),
    noteTitles: Object.fromEntries(input.notes.map((n) => [n.slug, n.title])),
  };
  const written = [...input.hand]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((d) => handDeck(d, input.index));
  // Hand decks go through the stage too: a derived card a hand card already asks is merged into it.
  const all: Deck[] = [...derived, ...written];
  const improved: QualityResult =
    input.quality === false ? { decks: all, aliases: {}, hits: [] } : improveDecks(all, options);
  return {
    ...improved,
    derivedCounts: Object.fromEntries(derived.map((d) => [d.id, d.cards.length])),
    options,
  };
}
