/**
 * Browser side of the flashcard progress: reads the record (validated, migrated, repaired, a
 * corrupt one kept aside by src/domain/progress/storage.ts) and changes it with updateRecord, so
 * a rating or a setting merges with what another tab saved. Sentences: src/domain/progress/messages.ts.
 */
import { cardIdAliases } from '../../domain/flashcards/aliases.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { type WhatWasSaved, readMessages, writeMessage } from '../../domain/progress/messages.ts';
import { type ReadResult, browserStore, readRecord, updateRecord } from '../../domain/progress/storage.ts';
import type { FlashcardProgress } from '../../schemas/progress.ts';
import { pageCardAliases } from './aliases.ts';

export const tzOffset = (now: Date) => now.getTimezoneOffset();

export function loadProgress(now = new Date()): ReadResult<FlashcardProgress> {
  const read = readRecord(browserStore(), flashcardRecord, now);
  // Merged cards: history stored under an absorbed card's id moves to the card that absorbed it.
  return { ...read, value: cardIdAliases(read.value, pageCardAliases()) };
}

/** Sentences for a record that could not be used as is; undefined when all is well. */
export function readProblem(read: ReadResult<FlashcardProgress>): string | undefined {
  return readMessages('flashcard progress', read).join(' ') || undefined;
}

export interface Saved {
  /** The progress to show: what is stored now (this change merged in), or this tab's own. */
  progress: FlashcardProgress;
  /** Why it was not saved; undefined when saved or when the read already said why. */
  message?: string;
  /** Storage was full: the reader should be offered the export. */
  full?: boolean;
}

/**
 * Applies `change` to the stored progress as it is now (not as this tab read it earlier). When
 * it cannot be stored, the change is applied to this tab's progress so review goes on.
 */
export function saveChange(
  mine: FlashcardProgress,
  change: (current: FlashcardProgress) => FlashcardProgress,
  what: WhatWasSaved,
): Saved {
  // The stored record as the page reads it: history under an absorbed card's id moves first.
  const aliases = pageCardAliases();
  const result = updateRecord(
    browserStore(),
    flashcardRecord,
    (current) => change(cardIdAliases(current, aliases)),
    new Date(),
  );
  if (result.ok) return { progress: result.value };
  // Not writable: the read at load time already told the reader why (newer, unavailable).
  const known = result.code === 'newer' || result.code === 'unavailable';
  const saved: Saved = { progress: change(mine) };
  if (!known) saved.message = writeMessage(result.code, result.problem, what);
  if (result.code === 'full' || result.code === 'unreadable') saved.full = true;
  return saved;
}

export function show(el: HTMLElement | null, text: string | undefined): void {
  if (!el) return;
  el.textContent = text ?? '';
  el.hidden = !text;
}
