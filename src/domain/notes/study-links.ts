/**
 * "Practise this note": the quizzes and flashcard decks that ask about one note, for the links
 * on its page. Pure: the build's quizzes (hand-written and generated) and decks in, links out.
 *
 * - the practice quiz generated from the note, if it has enough material for one;
 * - hand-written quizzes with questions taken from the note, the most questions first;
 * - decks with cards taken from the note (the note's own derived deck first, then by card count):
 *   a merged card lives in one deck but names every note it came from, so it counts for each.
 */
export interface StudyQuiz {
  id: string;
  title: string;
  questions: readonly { source: string }[];
  /** Slug of the note a generated practice quiz comes from. */
  generatedFrom?: string | undefined;
}

export interface StudyDeck {
  id: string;
  title: string;
  cards: readonly { sources: readonly string[] }[];
}

export interface StudyLink {
  href: string;
  title: string;
  /** Questions or cards taken from this note. */
  count: number;
}

export interface StudyLinks {
  practice?: StudyLink;
  quizzes: StudyLink[];
  decks: StudyLink[];
}

const fromNote = (slug: string) => (ref: string) => ref.split('#')[0] === slug;

/** Most first; ties by title. */
const byCount = (a: StudyLink, b: StudyLink) => b.count - a.count || a.title.localeCompare(b.title);

export function studyLinks(
  slug: string,
  quizzes: readonly StudyQuiz[],
  decks: readonly StudyDeck[],
): StudyLinks {
  const here = fromNote(slug);
  const out: StudyLinks = { quizzes: [], decks: [] };
  for (const quiz of quizzes) {
    const href = `/quizzes/${quiz.id}/`;
    if (quiz.generatedFrom === slug) out.practice = { href, title: quiz.title, count: quiz.questions.length };
    if (quiz.generatedFrom) continue;
    const count = quiz.questions.filter((q) => here(q.source)).length;
    if (count) out.quizzes.push({ href, title: quiz.title, count });
  }
  out.quizzes.sort(byCount);
  const asking = (deck: StudyDeck): StudyLink => ({
    href: `/flashcards/${deck.id}/`,
    title: deck.title,
    count: deck.cards.filter((c) => c.sources.some(here)).length,
  });
  // The note's own deck first; the others by how much of the note they ask.
  const own = decks.filter((d) => d.id === slug).map(asking);
  const others = decks
    .filter((d) => d.id !== slug)
    .map(asking)
    .sort(byCount);
  out.decks = [...own, ...others].filter((d) => d.count > 0);
  return out;
}
