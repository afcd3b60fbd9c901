/**
 * Build time: the catalogue the progress dashboard reads its records against
 * (/progress/catalogue.json): every quiz question and every card by id, with its topic and the
 * note sections it comes from, and the heading text of those sections. Pure.
 *
 * Quiz questions name their topic. Cards do not (a derived card carries all its note's tags,
 * too broad to say what was forgotten), so a card takes the topic the quizzes use for the same
 * material, the closest match first:
 * 1. the quiz topic asked most often about one of the card's own sections;
 * 2. for a hand-written card, its first tag that is also a quiz topic;
 * 3. the quiz topic asked most often within the `##` section around the card's heading (that
 *    heading and everything under it, down to the next `#`/`##` heading);
 * 4. else its note (the first source's), labelled with the note's title.
 * A whole note's most asked topic is not used: a note mostly quizzed on migration would file a
 * card on sticky sessions under "Migration". Ties go to the alphabetically first topic, so the
 * same content always gives the same topics.
 */
import type { AnchorIndex } from '../notes/anchors.ts';
import type { Catalogue } from './dashboard.ts';

export interface CatalogueInput {
  quizzes: readonly {
    id: string;
    title: string;
    questions: readonly { id: string; topic: string; source: string }[];
  }[];
  decks: readonly {
    id: string;
    title: string;
    cards: readonly { id: string; kind?: string; sources: readonly string[]; tags?: readonly string[] }[];
  }[];
  notes: AnchorIndex;
}

/** "cold-start" → "Cold start". */
export const topicLabel = (slug: string) => {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const noteOf = (ref: string) => ref.split('#')[0] ?? '';

/**
 * The `##` section around a heading: the refs of the nearest `#`/`##` heading at or before it
 * and of every heading after it until the next one of those. Just the ref itself when the note
 * or heading is unknown.
 */
export function enclosingSection(ref: string, notes: AnchorIndex): string[] {
  const [slug = '', id = ''] = ref.split('#');
  const anchors = notes.get(slug)?.anchors ?? [];
  const at = anchors.findIndex((a) => a.id === id);
  if (at < 0) return [ref];
  let start = at;
  while (start > 0 && (anchors[start]?.depth ?? 0) > 2) start--;
  let end = start + 1;
  while (end < anchors.length && (anchors[end]?.depth ?? 0) > 2) end++;
  return anchors.slice(start, end).map((a) => `${slug}#${a.id}`);
}

/** The most frequent topic in the given tallies; ties to the alphabetically first. */
function mostAsked(tallies: (ReadonlyMap<string, number> | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const tally of tallies) for (const [k, n] of tally ?? []) counts.set(k, (counts.get(k) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export interface CardTopicInput {
  sources: readonly string[];
  /** Hand-written cards only: their own tags. */
  tags?: readonly string[];
}

/** The topic of a card (rules in the module comment). */
export function cardTopic(
  card: CardTopicInput,
  bySection: ReadonlyMap<string, ReadonlyMap<string, number>>,
  notes: AnchorIndex,
): string {
  const around = [...new Set(card.sources.flatMap((ref) => enclosingSection(ref, notes)))];
  return (
    mostAsked(card.sources.map((ref) => bySection.get(ref))) ??
    card.tags?.find((tag) => [...bySection.values()].some((t) => t.has(tag))) ??
    mostAsked(around.map((ref) => bySection.get(ref))) ??
    noteOf(card.sources[0] ?? '')
  );
}

export function buildCatalogue({ quizzes, decks, notes }: CatalogueInput): Catalogue {
  const catalogue: Catalogue = { notes: {}, topics: {}, quizzes: [], decks: [] };
  const refer = (ref: string) => {
    const [slug = '', id = ''] = ref.split('#');
    const note = notes.get(slug);
    if (!note) return;
    const entry = (catalogue.notes[slug] ??= { title: note.title, headings: {} });
    const heading = note.anchors.find((a) => a.id === id);
    if (heading) entry.headings[id] = heading.text;
  };

  const bySection = new Map<string, Map<string, number>>();
  for (const quiz of quizzes) {
    const questions: Catalogue['quizzes'][number]['questions'] = {};
    for (const q of quiz.questions) {
      questions[q.id] = { topic: q.topic, source: q.source };
      catalogue.topics[q.topic] = topicLabel(q.topic);
      const tally = bySection.get(q.source) ?? new Map<string, number>();
      tally.set(q.topic, (tally.get(q.topic) ?? 0) + 1);
      bySection.set(q.source, tally);
      refer(q.source);
    }
    catalogue.quizzes.push({ id: quiz.id, title: quiz.title, questions });
  }

  for (const deck of decks) {
    const cards: Catalogue['decks'][number]['cards'] = {};
    for (const card of deck.cards) {
      const topic = cardTopic(
        { sources: card.sources, ...(card.kind === 'hand' && card.tags ? { tags: card.tags } : {}) },
        bySection,
        notes,
      );
      catalogue.topics[topic] ??= notes.get(topic)?.title ?? topicLabel(topic);
      cards[card.id] = { topic, sources: [...card.sources] };
      card.sources.forEach(refer);
    }
    catalogue.decks.push({ id: deck.id, title: deck.title, cards });
  }
  return catalogue;
}
