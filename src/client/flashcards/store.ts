/**
 * Browser side of the flashcard progress: reads the record (validated, migrated, a corrupt one
 * kept aside by src/domain/progress/storage.ts) and turns its status into words for the reader.
 */
import { cardIdAliases } from '../../domain/flashcards/aliases.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { type ReadResult, browserStore, readRecord, writeRecord } from '../../domain/progress/storage.ts';
import type { FlashcardProgress } from '../../schemas/progress.ts';
import { pageCardAliases } from './aliases.ts';

export const tzOffset = (now: Date) => now.getTimezoneOffset();

export function loadProgress(now = new Date()): ReadResult<FlashcardProgress> {
  const read = readRecord(browserStore(), flashcardRecord, now);
  // Merged cards: history stored under an absorbed card's id moves to the card that absorbed it.
  return { ...read, value: cardIdAliases(read.value, pageCardAliases()) };
}

/** A sentence for a record that could not be used as is; undefined when all is well. */
export function readProblem(read: ReadResult<FlashcardProgress>): string | undefined {
  switch (read.status) {
    case 'corrupt':
      return read.keptAs
        ? `Your saved flashcard progress could not be read (${read.problem}). It was kept aside in this browser as “${read.keptAs}”, and review starts fresh.`
        : `Your saved flashcard progress could not be read (${read.problem}), and there was no room to keep a copy: it was left as it is, and new ratings will not be saved.`;
    case 'newer':
      return `Your flashcard progress was ${(read.problem ?? '').replace(/^progress was /, '')}. You can review, but ratings in this tab are not saved, so that progress is not overwritten. Reload to get the new version.`;
    case 'unavailable':
      return 'This browser does not let the site keep data (private mode or a blocked storage setting): you can review, but progress will not be kept.';
    default:
      return undefined;
  }
}

export function saveProgress(
  read: ReadResult<FlashcardProgress>,
  value: FlashcardProgress,
): string | undefined {
  if (!read.writable) return undefined; // already explained by readProblem
  const result = writeRecord(browserStore(), flashcardRecord, value);
  return result.ok ? undefined : `Not saved: ${result.problem}.`;
}

export function show(el: HTMLElement | null, text: string | undefined): void {
  if (!el) return;
  el.textContent = text ?? '';
  el.hidden = !text;
}
