/**
 * The one module that talks to ts-fsrs (~5.4; 6.0 changes the API, so nothing else imports it).
 * It converts between our stored, JSON-friendly card state (src/schemas/progress.ts) and
 * ts-fsrs' Card, and always passes `now` in: no hidden clock, so tests use fixed dates.
 *
 * ts-fsrs 5.x adds methods to Date.prototype when imported (deprecated helpers); we never call
 * them, and keeping the import here keeps that side effect in one known place.
 *
 * Fuzz is off: with it, intervals depend on a seed derived inside the library, and the buttons
 * would not show exactly the interval the rating then gives.
 */
import { type Card, type Grade, Rating, State, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import type { FsrsCardState } from '../../schemas/progress.ts';

export type Rating1to4 = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating1to4[] = [1, 2, 3, 4];
export const RATING_LABEL: Record<Rating1to4, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

const GRADE: Record<Rating1to4, Grade> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy,
};

function toFsrs(state: FsrsCardState | undefined, now: Date): Card {
  if (!state) return createEmptyCard(now);
  const { last_review, due, ...rest } = state;
  return {
    ...rest,
    due: new Date(due),
    state: state.state as State,
    ...(last_review ? { last_review: new Date(last_review) } : {}),
  };
}

function fromFsrs(card: Card): FsrsCardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export interface Outcome {
  state: FsrsCardState;
  /** Milliseconds from `now` until the card is due again. */
  interval: number;
}

/** What each rating would do to the card now (for the buttons' interval labels). */
export function preview(state: FsrsCardState | undefined, now: Date): Record<Rating1to4, Outcome> {
  const options = scheduler.repeat(toFsrs(state, now), now);
  const out = {} as Record<Rating1to4, Outcome>;
  for (const r of RATINGS) {
    const card = options[GRADE[r]].card;
    out[r] = { state: fromFsrs(card), interval: card.due.getTime() - now.getTime() };
  }
  return out;
}

/** The card's state after rating it now (a card never seen before starts empty). */
export function rate(state: FsrsCardState | undefined, rating: Rating1to4, now: Date): Outcome {
  const { card } = scheduler.next(toFsrs(state, now), now, GRADE[rating]);
  return { state: fromFsrs(card), interval: card.due.getTime() - now.getTime() };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 min", "10 min", "3 h", "4 d", "2.5 mo", "1.2 y": short labels for the rating buttons. */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${Number((days / 30).toFixed(1))} mo`;
  return `${Number((days / 365).toFixed(1))} y`;
}
