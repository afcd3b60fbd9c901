/**
 * Merging two copies of a progress record (what this browser holds and what an imported file
 * holds): nothing either side recorded is dropped, and the result says what changed, so the
 * reader can be told exactly. Pure.
 */
import type { FlashcardProgress, FsrsCardState, QuizAttempt, QuizAttempts } from '../../schemas/progress.ts';
import { MAX_ATTEMPTS_PER_QUIZ } from '../quiz/attempts.ts';

const attemptKey = (a: QuizAttempt) =>
  `${a.quizId}\u0000${a.at}\u0000${a.score}\u0000${a.max}\u0000${a.retry}`;

export interface AttemptsMerge {
  value: QuizAttempts;
  /** Attempts only the incoming copy had. */
  added: number;
  /** Attempts both had. */
  already: number;
  /** Oldest attempts dropped to keep MAX_ATTEMPTS_PER_QUIZ per quiz. */
  trimmed: number;
}

/** Every attempt of both, once, oldest first (ties keep the local order), bounded per quiz. */
export function mergeAttempts(local: QuizAttempts, incoming: QuizAttempts): AttemptsMerge {
  const seen = new Set(local.attempts.map(attemptKey));
  const fresh = incoming.attempts.filter((a) => {
    const key = attemptKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const all = [...local.attempts, ...fresh]
    .map((a, i) => ({ a, i }))
    .sort((x, y) => Date.parse(x.a.at) - Date.parse(y.a.at) || x.i - y.i)
    .map(({ a }) => a);
  const kept = new Map<string, number>();
  const newestFirst = [...all].reverse().filter((a) => {
    const n = (kept.get(a.quizId) ?? 0) + 1;
    kept.set(a.quizId, n);
    return n <= MAX_ATTEMPTS_PER_QUIZ;
  });
  return {
    value: { attempts: newestFirst.reverse() },
    added: fresh.length,
    already: incoming.attempts.length - fresh.length,
    trimmed: all.length - newestFirst.length,
  };
}

export interface FlashcardsMerge {
  value: FlashcardProgress;
  /** Cards only the incoming copy had. */
  cardsAdded: number;
  /** Cards both had, where the incoming state was reviewed later and replaced the local one. */
  cardsUpdated: number;
  /** Cards both had, where the local state is as recent or more (kept). */
  cardsKept: number;
  reviewsAdded: number;
  settingsChanged: boolean;
}

const reviewedAt = (s: FsrsCardState) => (s.last_review ? Date.parse(s.last_review) : -Infinity);

/** The state reviewed last wins (more reviews on a tie): it includes the other's history. */
const later = (a: FsrsCardState, b: FsrsCardState) =>
  reviewedAt(b) > reviewedAt(a) || (reviewedAt(b) === reviewedAt(a) && b.reps > a.reps);

/** Card states (per card, the later one), every rating of both once, the incoming settings. */
export function mergeFlashcards(local: FlashcardProgress, incoming: FlashcardProgress): FlashcardsMerge {
  const cards = { ...local.cards };
  let cardsAdded = 0;
  let cardsUpdated = 0;
  let cardsKept = 0;
  for (const [id, state] of Object.entries(incoming.cards)) {
    const mine = cards[id];
    if (!mine) {
      cards[id] = state;
      cardsAdded++;
    } else if (later(mine, state)) {
      cards[id] = state;
      cardsUpdated++;
    } else cardsKept++;
  }
  const logKey = (e: FlashcardProgress['log'][number]) => `${e.card}\u0000${e.at}\u0000${e.rating}`;
  const seen = new Set(local.log.map(logKey));
  const fresh = incoming.log.filter((e) => {
    const key = logKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const log = [...local.log, ...fresh]
    .map((e, i) => ({ e, i }))
    .sort((x, y) => Date.parse(x.e.at) - Date.parse(y.e.at) || x.i - y.i)
    .map(({ e }) => e);
  return {
    value: { cards, log, settings: { ...incoming.settings } },
    cardsAdded,
    cardsUpdated,
    cardsKept,
    reviewsAdded: fresh.length,
    settingsChanged: incoming.settings.newPerDay !== local.settings.newPerDay,
  };
}

/**
 * What a review tab holds after another tab wrote: the stored progress with this tab's own
 * ratings merged in (settings as stored). Tabs see each other's writes with a delay, so a
 * write from another tab can be based on a read that missed this tab's last rating; then
 * `writeBack` says the stored record lacks something of ours and must be written again.
 */
export function reconcileFlashcards(
  mine: FlashcardProgress,
  stored: FlashcardProgress,
): { progress: FlashcardProgress; writeBack: boolean } {
  const missing = mergeFlashcards(stored, mine);
  const writeBack = missing.reviewsAdded + missing.cardsAdded + missing.cardsUpdated > 0;
  return { progress: mergeFlashcards(mine, stored).value, writeBack };
}
