/**
 * Card states that pass the schema but that the scheduler (ts-fsrs) rejects: reviewing such a
 * card throws inside "Show answer" and the whole deck is stuck. Checked on every read of the
 * flashcard record and on import, without loading the scheduler (the deck list does not):
 * - a last review in the future (another device's clock, a hand-edited file) is moved to now;
 * - a learned card without a memory state (stability ≤ 0, difficulty outside 1–10) or with a due
 *   date that is not a date is set aside: it starts again as a new card, its ratings stay in
 *   the log, and its old state is kept aside by the storage layer for a human to look at.
 */
import { plural } from '../content/text.ts';
import type { FlashcardProgress, FsrsCardState } from '../../schemas/progress.ts';
import type { Repair } from '../progress/storage.ts';

/** Why the scheduler cannot take this state as stored, or undefined when it can. */
export function unusableReason(state: FsrsCardState): string | undefined {
  if (Number.isNaN(Date.parse(state.due))) return `its due date "${state.due}" is not a date`;
  if (state.last_review !== undefined && Number.isNaN(Date.parse(state.last_review)))
    return `its last review "${state.last_review}" is not a date`;
  // State 0 is a new card (CARD_STATE.new in queue.ts, which imports this module).
  if (state.state === 0) return undefined;
  if (!(state.stability > 0)) return `stability ${state.stability} (must be above 0)`;
  if (!(state.difficulty >= 1 && state.difficulty <= 10))
    return `difficulty ${state.difficulty} (must be 1–10)`;
  return undefined;
}

export function repairProgress(
  progress: FlashcardProgress,
  now: Date,
): Repair<FlashcardProgress> | undefined {
  const cards: Record<string, FsrsCardState> = {};
  const removed: Record<string, FsrsCardState> = {};
  const reasons: string[] = [];
  let moved = 0;
  for (const [id, state] of Object.entries(progress.cards)) {
    const reason = unusableReason(state);
    if (reason) {
      removed[id] = state;
      reasons.push(`${id}: ${reason}`);
      continue;
    }
    if (state.last_review && Date.parse(state.last_review) > now.getTime()) {
      cards[id] = { ...state, last_review: now.toISOString() };
      moved++;
    } else cards[id] = state;
  }
  const notes: string[] = [];
  if (reasons.length)
    notes.push(
      `${plural(reasons.length, 'card')} had a saved state the scheduler cannot use (${reasons.join('; ')}): ${reasons.length === 1 ? 'it starts' : 'they start'} again as new, ${reasons.length === 1 ? 'its' : 'their'} ratings stay in the stats`,
    );
  if (moved)
    notes.push(`${plural(moved, 'card')} had a last review in the future: moved to now, so review can go on`);
  if (!notes.length) return undefined;
  const repair: Repair<FlashcardProgress> = { value: { ...progress, cards }, notes };
  if (reasons.length) repair.removed = { setAside: removed };
  return repair;
}
