/**
 * The progress catalogue as it travels (`/progress/catalogue.json`): the same content as
 * `Catalogue`, written compactly. At 500 notes the plain form is megabytes, nearly all of it
 * the same few strings again and again: every card spelled out its deck's id, its topic and the
 * `note#heading` of each source. Here each such string is written once, in `strings`, and
 * referred to by its index; a card id inside its own deck drops the `<deck>/` prefix. Notes and
 * topics stay as they are (small, and read by scripts/check-site.ts). Pure.
 */
import type { Catalogue } from './dashboard.ts';

/** A card: id (the part after `<deck>/`, or `/` + the whole id), topic, source or sources. */
type PackedCard = [id: string, topic: number, sources: number | number[]];

export interface PackedCatalogue {
  format: 'packed-1';
  notes: Catalogue['notes'];
  topics: Catalogue['topics'];
  /** Every topic and `note#heading` source, once. */
  strings: string[];
  /** Per quiz: question id, topic, source. */
  quizzes: { id: string; title: string; questions: [id: string, topic: number, source: number][] }[];
  decks: { id: string; title: string; cards: PackedCard[] }[];
  /**
   * Merged card ids, by the card that took them over (survivor → old ids): what /flashcards/
   * carries progress over with. Tens of thousands at 500 notes, so here rather than in the page.
   */
  aliases?: Record<string, string[]>;
}

export function packCatalogue(
  catalogue: Catalogue,
  aliases: Readonly<Record<string, string>> = {},
): PackedCatalogue {
  const bySurvivor: Record<string, string[]> = {};
  for (const [old, survivor] of Object.entries(aliases)) (bySurvivor[survivor] ??= []).push(old);
  const strings: string[] = [];
  const at = new Map<string, number>();
  const ref = (s: string) => {
    let i = at.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      at.set(s, i);
    }
    return i;
  };
  return {
    format: 'packed-1',
    notes: catalogue.notes,
    topics: catalogue.topics,
    strings,
    quizzes: catalogue.quizzes.map((quiz) => ({
      id: quiz.id,
      title: quiz.title,
      questions: Object.entries(quiz.questions).map(([id, q]) => [id, ref(q.topic), ref(q.source)]),
    })),
    decks: catalogue.decks.map((deck) => ({
      id: deck.id,
      title: deck.title,
      cards: Object.entries(deck.cards).map(([id, card]): PackedCard => {
        const sources = card.sources.map(ref);
        return [
          id.startsWith(`${deck.id}/`) ? id.slice(deck.id.length + 1) : `/${id}`,
          ref(card.topic),
          sources.length === 1 ? (sources[0] as number) : sources,
        ];
      }),
    })),
    ...(Object.keys(bySurvivor).length ? { aliases: bySurvivor } : {}),
  };
}

/** Old card id → the card that took it over. */
export function catalogueAliases(packed: PackedCatalogue): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [survivor, olds] of Object.entries(packed.aliases ?? {}))
    for (const old of olds) aliases[old] = survivor;
  return aliases;
}

export const isPackedCatalogue = (data: unknown): data is PackedCatalogue =>
  typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 'packed-1';

export function unpackCatalogue(packed: PackedCatalogue): Catalogue {
  const str = (i: number) => {
    const s = packed.strings[i];
    if (s === undefined) throw new Error(`catalogue: no string ${i}`);
    return s;
  };
  return {
    notes: packed.notes,
    topics: packed.topics,
    quizzes: packed.quizzes.map((quiz) => ({
      id: quiz.id,
      title: quiz.title,
      questions: Object.fromEntries(
        quiz.questions.map(([id, topic, source]) => [id, { topic: str(topic), source: str(source) }]),
      ),
    })),
    decks: packed.decks.map((deck) => ({
      id: deck.id,
      title: deck.title,
      cards: Object.fromEntries(
        deck.cards.map(([id, topic, sources]) => [
          id.startsWith('/') ? id.slice(1) : `${deck.id}/${id}`,
          { topic: str(topic), sources: (typeof sources === 'number' ? [sources] : sources).map(str) },
        ]),
      ),
    })),
  };
}
