/**
 * The one place where storage outcomes (src/domain/progress/storage.ts status and write codes,
 * import summaries) become sentences for the reader, so the quiz, the flashcards and the
 * progress page say the same thing the same way. Pure.
 */
import { plural } from '../content/text.ts';
import type { ReadResult, WriteCode } from './storage.ts';
import type { ImportSummary } from './file.ts';

export type RecordName = 'quiz history' | 'flashcard progress';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sentences about a record that could not be used as stored; [] when all is well. */
export function readMessages(name: RecordName, read: ReadResult<unknown>): string[] {
  const out: string[] = [];
  const dropped = read.dropped?.length
    ? ` To stay within the space kept for such copies, the oldest ${read.dropped.length === 1 ? 'copy was' : 'copies were'} removed (${read.dropped.join(', ')}).`
    : '';
  switch (read.status) {
    case 'corrupt':
      out.push(
        read.keptAs
          ? `Your saved ${name} could not be read (${read.problem}). It was kept aside in this browser as “${read.keptAs}”; new progress is saved from now on.${dropped}`
          : `Your saved ${name} could not be read (${read.problem}), and browser storage is too full to keep a copy: it was left as it is, and nothing new is saved until there is room. Export your progress to keep what this page shows.`,
      );
      break;
    case 'newer': {
      const v = read.versions;
      out.push(
        `Your ${name} was saved by a newer version of the site${v ? ` (record v${v.stored}, this page knows v${v.known})` : ''}: it is left untouched, and nothing this tab does is saved. Reload the page to get the new version.`,
      );
      break;
    }
    case 'unavailable':
      out.push(
        'This browser does not let the site keep data (private mode or a blocked storage setting): you can carry on, but nothing is saved.',
      );
      break;
  }
  for (const note of read.repaired ?? [])
    out.push(
      `${sentence(note)}.${read.keptAs ? ` The old state was kept aside in this browser as “${read.keptAs}”.` : ''}${dropped}`,
    );
  return out;
}

export type WhatWasSaved = 'result' | 'rating' | 'setting' | 'change';

/** Why a write did not happen. `unreadable`/`newer`/`unavailable` repeat what the read said. */
export function writeMessage(code: WriteCode, problem: string, what: WhatWasSaved): string {
  switch (code) {
    case 'full':
      return `Browser storage is full: this ${what} was not saved. Export your progress to keep it, then free some space (other sites' data, or kept-aside copies).`;
    case 'invalid':
      return `This ${what} was not saved: ${problem}. Nothing stored was changed.`;
    case 'newer':
      return `This ${what} was not saved: progress in this browser was saved by a newer version of the site. Reload the page to get it.`;
    case 'unavailable':
      return `This ${what} was not saved: this browser does not let the site keep data.`;
    case 'unreadable':
      return `This ${what} was not saved: the stored progress could not be read and there is no room to keep a copy of it. Export your progress to keep it.`;
    case 'failed':
      return `This ${what} was not saved: ${problem}.`;
  }
}

/** "Imported 4 cards with 4 reviews and 1 quiz attempt." and what was kept or left as it was. */
export function importMessage(s: ImportSummary): string {
  const parts: string[] = [];
  const f = s.flashcards;
  if (f)
    parts.push(`${plural(f.cardsAdded + f.cardsUpdated, 'card')} with ${plural(f.reviewsAdded, 'review')}`);
  if (s.quiz) parts.push(plural(s.quiz.added, 'quiz attempt'));
  const out = [`Imported ${parts.join(' and ')}.`];
  const kept = [
    s.quiz?.already && `${plural(s.quiz.already, 'quiz attempt')} already here`,
    f?.cardsKept &&
      `${plural(f.cardsKept, 'card')} reviewed more recently in this browser (kept as they are)`,
  ].filter(Boolean);
  if (kept.length) out.push(`Merged with what was here: ${kept.join('; ')}.`);
  if (s.quiz?.trimmed)
    out.push(
      `The oldest ${plural(s.quiz.trimmed, 'attempt')} beyond the history kept per quiz were dropped.`,
    );
  if (f?.settingsChanged) out.push('The new-cards-per-day setting now comes from the file.');
  const missing = [!s.quiz && 'quiz history', !f && 'flashcard progress'].filter(Boolean);
  if (missing.length) out.push(`The file has no ${missing.join(' or ')}: yours is left as it was.`);
  for (const note of s.repaired) out.push(`${sentence(note)}.`);
  return out.join(' ');
}
