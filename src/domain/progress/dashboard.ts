/**
 * The progress dashboard (/progress/): quiz scores over time, the weakest topics with the note
 * sections to re-read, and the flashcards due today and this week. Pure: the two stored
 * records (quiz attempts, flashcard progress), the build-time catalogue of what exists
 * (/progress/catalogue.json, built by src/domain/progress/catalogue.ts), `now` and the
 * reader's timezone offset in; plain data out, for the page script to render.
 *
 * Records outlive content: an attempt at a quiz that was deleted, an answer to a question that
 * was removed, the state of a card that is gone. Those are skipped, never fatal, and counted,
 * so the page can say what it left out.
 *
 * Weakest topics, the rule shown on the page:
 * - a quiz question counts by the share of its points you missed the last time you answered it
 *   (in the last full attempt or a retry after it, as "Retry the ones I missed" sees it): wrong
 *   = 1, half right = 0.5, right = 0;
 * - a flashcard counts 1 if you rated it Again in the last 30 days (forgot it, while learning it
 *   or after it had been learned: a lapse);
 * - a topic's weight is the sum over its questions and cards. Heaviest first; ties: more items,
 *   then by name. Each topic lists the note sections those questions and cards come from, the
 *   most missed first.
 */
import type { FlashcardProgress, QuestionResult, QuizAttempts } from '../../schemas/progress.ts';
import { type QuizSummary, attemptPercent, missedQuestions, summarize } from '../quiz/attempts.ts';
import { newAllowance } from '../flashcards/queue.ts';
import { cardIdAliases } from '../flashcards/aliases.ts';

/** What the site has, by id: emitted at build time as /progress/catalogue.json. */
export interface Catalogue {
  /** Note slug → title and the text of every heading something points at. */
  notes: Record<string, { title: string; headings: Record<string, string> }>;
  /** Topic key → label ("cold-start" → "Cold start"). */
  topics: Record<string, string>;
  /** In the order the quiz list shows them. */
  quizzes: CatalogueQuiz[];
  /** In the order /flashcards/ shows them. */
  decks: CatalogueDeck[];
}

export interface CatalogueQuiz {
  id: string;
  title: string;
  /** Question id → its topic and `note#heading` source. */
  questions: Record<string, { topic: string; source: string }>;
}

export interface CatalogueDeck {
  id: string;
  title: string;
  /** Card id (`<deck>/<slug>`) → its topic and every `note#heading` it comes from. */
  cards: Record<string, { topic: string; sources: string[] }>;
}

export interface Link {
  id: string;
  title: string;
  href: string;
}

export interface ScorePoint {
  /** ISO time the attempt was finished. */
  at: string;
  percent: number;
  /** Only the previously missed questions were retried: not comparable with full attempts. */
  retry: boolean;
}

export interface QuizProgress extends Link {
  /** Every stored attempt, oldest first. */
  points: ScorePoint[];
  summary: QuizSummary;
  /** Questions to retry, as the quiz page's "Retry the ones I missed" counts them. */
  missed: number;
  retryHref: string;
}

export interface SectionLink {
  /** `note#heading` */
  ref: string;
  href: string;
  note: string;
  heading: string;
  /** Weight this section carries within its topic. */
  weight: number;
}

export interface WeakTopic {
  topic: string;
  label: string;
  weight: number;
  /** Questions missed (fully or in part) the last time they were answered. */
  questions: number;
  /** Cards rated Again in the last 30 days. */
  cards: number;
  /** Most missed first. */
  sections: SectionLink[];
  /** Quizzes with missed questions on this topic: their "retry the missed ones" link. */
  quizzes: Link[];
  /** Decks with forgotten cards on this topic. */
  decks: Link[];
}

export interface DeckDue extends Link {
  /** Due now or earlier. */
  now: number;
  /** Due before the end of the reader's local day (includes `now`). */
  today: number;
  /** Due before the end of the 7th local day, today included (includes `today`). */
  week: number;
}

export interface CardsDue {
  now: number;
  today: number;
  week: number;
  /** Decks with a card due this week, in deck order. */
  decks: DeckDue[];
  /** New cards today's limit still lets in (never reviewed cards, across all decks). */
  newToday: number;
  /** Cards reviewed at least once (that still exist). */
  started: number;
  /** Earliest due time after this week, if every due card is further away. */
  nextDue?: string;
}

export interface Skipped {
  /** Attempts at quizzes that no longer exist. */
  attempts: number;
  /** Answers (latest per question) to questions no longer in their quiz. */
  questions: number;
  /** Cards with stored progress or recent ratings that no longer exist. */
  cards: number;
}

export interface Dashboard {
  /** Quizzes with at least one attempt, in catalogue order. */
  quizzes: QuizProgress[];
  /** Quizzes never taken. */
  untaken: Link[];
  weakTopics: WeakTopic[];
  due: CardsDue;
  skipped: Skipped;
  /** Anything at all stored (even for content that is gone): false for a first-time visitor. */
  hasProgress: boolean;
}

export interface DashboardInput {
  attempts: QuizAttempts;
  flashcards: FlashcardProgress;
  catalogue: Catalogue;
  now: Date;
  /** Minutes, as Date#getTimezoneOffset gives them (UTC − local): defines the reader's "today". */
  tzOffset: number;
  /**
   * Card ids merged into another → the surviving id (the build's card-quality stage). History
   * under an absorbed id counts for the survivor, once: not as a card that is gone.
   */
  aliases?: Readonly<Record<string, string>>;
}

const DAY = 86_400_000;
/** Again ratings older than this no longer make a topic weak. */
export const FORGOTTEN_WINDOW_DAYS = 30;
/** "This week": today and the six days after it. */
export const WEEK_DAYS = 7;

/**
 * End (exclusive, epoch ms) of the reader's local day, `plusDays` days after today. The offset
 * is taken as fixed over the week: across a daylight-saving change the boundary is an hour off.
 */
export function endOfLocalDay(now: Date, tzOffset: number, plusDays = 0): number {
  const shift = tzOffset * 60_000;
  return (Math.floor((now.getTime() - shift) / DAY) + 1 + plusDays) * DAY + shift;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const quizHref = (id: string) => `/quizzes/${id}/`;
export const retryHref = (id: string) => `/quizzes/${id}/?retry=missed`;
export const deckHref = (id: string) => `/flashcards/${id}/`;

/** Link and words for a `note#heading` reference; an unknown one still links, labelled by itself. */
export function sectionOf(ref: string, catalogue: Catalogue): Omit<SectionLink, 'weight'> {
  const [slug = '', id = ''] = ref.split('#');
  const note = catalogue.notes[slug];
  return {
    ref,
    href: `/notes/${slug}/#${id}`,
    note: note?.title ?? slug,
    heading: note?.headings[id] ?? id,
  };
}

/**
 * Latest result of each question of one quiz, from its last full attempt on (retries after it
 * replace the results of the questions they retried). Same window as missedQuestions.
 */
function latestResults(record: QuizAttempts, quizId: string): Map<string, QuestionResult> {
  const mine = record.attempts.filter((a) => a.quizId === quizId);
  const from = Math.max(
    0,
    mine.findLastIndex((a) => !a.retry),
  );
  const latest = new Map<string, QuestionResult>();
  for (const attempt of mine.slice(from)) {
    for (const [id, result] of Object.entries(attempt.questions)) latest.set(id, result);
  }
  return latest;
}

interface TopicAcc {
  weight: number;
  questions: number;
  cards: number;
  sections: Map<string, number>;
  quizzes: Map<string, Link>;
  decks: Map<string, Link>;
}

export function buildDashboard({
  attempts,
  flashcards: stored,
  catalogue,
  now,
  tzOffset,
  aliases = {},
}: DashboardInput): Dashboard {
  // The two states of a merged pair become one (the later review wins); its ratings follow it.
  const flashcards = cardIdAliases(stored, aliases);
  const skipped: Skipped = { attempts: 0, questions: 0, cards: 0 };
  const knownQuizzes = new Set(catalogue.quizzes.map((q) => q.id));
  skipped.attempts = attempts.attempts.filter((a) => !knownQuizzes.has(a.quizId)).length;

  // ---- Quiz scores ----
  const quizzes: QuizProgress[] = [];
  const untaken: Link[] = [];
  for (const quiz of catalogue.quizzes) {
    const mine = attempts.attempts.filter((a) => a.quizId === quiz.id);
    const link = { id: quiz.id, title: quiz.title, href: quizHref(quiz.id) };
    if (!mine.length) {
      untaken.push(link);
      continue;
    }
    quizzes.push({
      ...link,
      points: mine.map((a) => ({ at: a.at, percent: attemptPercent(a), retry: a.retry })),
      summary: summarize(attempts, quiz.id),
      missed: missedQuestions(attempts, quiz.id, Object.keys(quiz.questions)).length,
      retryHref: retryHref(quiz.id),
    });
  }

  // ---- Weakest topics ----
  const topics = new Map<string, TopicAcc>();
  const acc = (topic: string): TopicAcc => {
    let t = topics.get(topic);
    if (!t) {
      t = { weight: 0, questions: 0, cards: 0, sections: new Map(), quizzes: new Map(), decks: new Map() };
      topics.set(topic, t);
    }
    return t;
  };
  const addSection = (t: TopicAcc, ref: string, weight: number) =>
    t.sections.set(ref, (t.sections.get(ref) ?? 0) + weight);

  for (const quiz of catalogue.quizzes) {
    for (const [id, result] of latestResults(attempts, quiz.id)) {
      const question = quiz.questions[id];
      if (!question) {
        skipped.questions++;
        continue;
      }
      const missed = 1 - Math.min(1, result.score / result.max);
      if (missed <= 1e-9) continue;
      const t = acc(question.topic);
      t.weight += missed;
      t.questions++;
      addSection(t, question.source, missed);
      t.quizzes.set(quiz.id, { id: quiz.id, title: quiz.title, href: retryHref(quiz.id) });
    }
  }

  const cardIndex = new Map<string, { deck: CatalogueDeck; card: CatalogueDeck['cards'][string] }>();
  for (const deck of catalogue.decks) {
    for (const [id, card] of Object.entries(deck.cards)) cardIndex.set(id, { deck, card });
  }
  const unknownCards = new Set<string>();
  const since = now.getTime() - FORGOTTEN_WINDOW_DAYS * DAY;
  const forgotten = new Set(
    flashcards.log.filter((e) => e.rating === 1 && Date.parse(e.at) >= since).map((e) => e.card),
  );
  for (const id of forgotten) {
    const found = cardIndex.get(id);
    if (!found) {
      unknownCards.add(id);
      continue;
    }
    const t = acc(found.card.topic);
    t.weight += 1;
    t.cards++;
    for (const ref of found.card.sources) addSection(t, ref, 1 / found.card.sources.length);
    t.decks.set(found.deck.id, { id: found.deck.id, title: found.deck.title, href: deckHref(found.deck.id) });
  }

  const weakTopics: WeakTopic[] = [...topics]
    .map(([topic, t]) => ({
      topic,
      label: catalogue.topics[topic] ?? topic,
      weight: round2(t.weight),
      questions: t.questions,
      cards: t.cards,
      sections: [...t.sections]
        .map(([ref, weight]) => ({ ...sectionOf(ref, catalogue), weight: round2(weight) }))
        .sort((a, b) => b.weight - a.weight),
      quizzes: [...t.quizzes.values()],
      decks: [...t.decks.values()],
    }))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.questions + b.cards - (a.questions + a.cards) ||
        a.label.localeCompare(b.label),
    );

  // ---- Cards due ----
  const t = now.getTime();
  const endToday = endOfLocalDay(now, tzOffset);
  const endWeek = endOfLocalDay(now, tzOffset, WEEK_DAYS - 1);
  const due: CardsDue = { now: 0, today: 0, week: 0, decks: [], newToday: 0, started: 0 };
  let unseen = 0;
  let later: number | undefined;
  for (const deck of catalogue.decks) {
    const row: DeckDue = {
      id: deck.id,
      title: deck.title,
      href: deckHref(deck.id),
      now: 0,
      today: 0,
      week: 0,
    };
    for (const id of Object.keys(deck.cards)) {
      const state = flashcards.cards[id];
      if (!state) {
        unseen++;
        continue;
      }
      due.started++;
      const at = Date.parse(state.due);
      if (at <= t) row.now++;
      if (at < endToday) row.today++;
      if (at < endWeek) row.week++;
      else if (later === undefined || at < later) later = at;
    }
    due.now += row.now;
    due.today += row.today;
    due.week += row.week;
    if (row.week) due.decks.push(row);
  }
  for (const id of Object.keys(flashcards.cards)) if (!cardIndex.has(id)) unknownCards.add(id);
  skipped.cards = unknownCards.size;
  due.newToday = Math.min(unseen, newAllowance(flashcards, now, tzOffset));
  if (!due.week && later !== undefined) due.nextDue = new Date(later).toISOString();

  return {
    quizzes,
    untaken,
    weakTopics,
    due,
    skipped,
    hasProgress:
      attempts.attempts.length > 0 || Object.keys(flashcards.cards).length > 0 || flashcards.log.length > 0,
  };
}

/**
 * Coordinates of a score sparkline: scores (0–100) evenly spaced left to right inside a
 * `width` × `height` box with `pad` around it, 100 % at the top. One score sits in the middle.
 */
export function sparkline(
  percents: readonly number[],
  width: number,
  height: number,
  pad = 4,
): { x: number; y: number }[] {
  const step = percents.length > 1 ? (width - 2 * pad) / (percents.length - 1) : 0;
  return percents.map((p, i) => ({
    x: round2(percents.length > 1 ? pad + i * step : width / 2),
    y: round2(pad + (1 - Math.max(0, Math.min(100, p)) / 100) * (height - 2 * pad)),
  }));
}
