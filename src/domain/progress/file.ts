/**
 * "Export all progress" and "Import progress": every record the site keeps (quiz attempts and
 * flashcards) in one JSON file. Import merges, all or nothing: the file is checked as a whole
 * (foreign file, unknown record, a record that does not validate or comes from a newer site),
 * every record is migrated and repaired like browser storage would, and only then merged into
 * what is stored; if a write fails, the records already written are put back.
 */
import {
  type FlashcardProgress,
  type ProgressExport,
  ProgressExportSchema,
  type QuizAttempts,
} from '../../schemas/progress.ts';
import { QUIZ_ATTEMPTS } from '../quiz/attempts.ts';
import { flashcardRecord } from '../flashcards/queue.ts';
import { type AttemptsMerge, type FlashcardsMerge, mergeAttempts, mergeFlashcards } from './merge.ts';
import { type KeyValueStore, type RecordSpec, readRecord, updateRecord } from './storage.ts';

/** Every record an export file carries, in the order they are written on import. */
export const PROGRESS_RECORDS: readonly RecordSpec<unknown>[] = [QUIZ_ATTEMPTS, flashcardRecord];

/** Name for the download: `tradeoffs-progress-2026-11-24.json`. */
export const exportFileName = (now: Date) => `tradeoffs-progress-${now.toISOString().slice(0, 10)}.json`;

export interface ExportResult {
  json: string;
  /** Records that could not be read and were left out (they stay kept aside in storage). */
  skipped: string[];
}

/**
 * `unsaved`: records a page holds that storage could not take (storage full), exported in place
 * of the stored ones so the reader can keep them.
 */
export function exportProgress(
  store: KeyValueStore | undefined,
  now: Date,
  unsaved: ReadonlyMap<string, unknown> = new Map(),
): ExportResult {
  const records: ProgressExport['records'] = {};
  const skipped: string[] = [];
  for (const spec of PROGRESS_RECORDS) {
    if (unsaved.has(spec.key)) {
      records[spec.key] = { version: spec.version, data: unsaved.get(spec.key) };
      continue;
    }
    const read = readRecord(store, spec, now, { readOnly: true });
    if (read.status === 'corrupt' || read.status === 'newer' || read.status === 'unavailable') {
      // A newer site's record is exported as stored: it is the reader's data, not ours to judge.
      const raw = read.status === 'newer' ? store?.getItem(spec.key) : null;
      if (raw) records[spec.key] = JSON.parse(raw) as ProgressExport['records'][string];
      else skipped.push(`${spec.key}: ${read.problem}`);
      continue;
    }
    records[spec.key] = { version: spec.version, data: read.value };
  }
  const file: ProgressExport = {
    app: 'tradeoffs',
    kind: 'progress',
    format: 1,
    exportedAt: now.toISOString(),
    records,
  };
  return { json: `${JSON.stringify(file, null, 1)}\n`, skipped };
}

export interface ImportSummary {
  /** The file's quiz history merged in; absent when the file has none. */
  quiz?: { added: number; already: number; trimmed: number };
  /** The file's flashcard progress merged in; absent when the file has none. */
  flashcards?: {
    cardsAdded: number;
    cardsUpdated: number;
    cardsKept: number;
    reviewsAdded: number;
    settingsChanged: boolean;
  };
  /** Card states in the file the scheduler cannot use, and what was done (flashcards/repair.ts). */
  repaired: string[];
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; error: string };

/** A store holding one record: lets readRecord validate and migrate it without touching the real one. */
const scratchStore = (raw: string): KeyValueStore => ({
  getItem: () => raw,
  setItem: () => undefined,
  removeItem: () => undefined,
});

const label: Record<string, string> = {
  [QUIZ_ATTEMPTS.key]: 'quiz history',
  [flashcardRecord.key]: 'flashcard progress',
};

/**
 * Merges a progress file into this browser: each record in the file is merged with the stored
 * one (nothing stored is dropped, src/domain/progress/merge.ts); a record the file does not hold
 * is left as it is. The file is checked as a whole first, and if a write fails the records
 * already written are put back.
 */
export function importProgress(text: string, store: KeyValueStore | undefined, now: Date): ImportResult {
  if (!store) return { ok: false, error: 'Browser storage is not available, so nothing can be imported.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a Tradeoffs progress file (it is not JSON).' };
  }
  const parsed = ProgressExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    const foreign = issue?.path[0] === 'app' || issue?.path[0] === 'kind' || issue?.path.length === 0;
    return {
      ok: false,
      error: foreign
        ? 'This file is not a Tradeoffs progress file.'
        : `This progress file is damaged: ${issue?.message}${where}. Nothing was imported.`,
    };
  }
  const known = new Set(PROGRESS_RECORDS.map((s) => s.key));
  const unknown = Object.keys(parsed.data.records).filter((k) => !known.has(k));
  if (unknown.length)
    return {
      ok: false,
      error: `This file holds records this site does not know (${unknown.join(', ')}); it may come from a newer version. Nothing was imported.`,
    };
  const incoming = new Map<string, unknown>();
  const repaired: string[] = [];
  for (const spec of PROGRESS_RECORDS) {
    const envelope = parsed.data.records[spec.key];
    if (!envelope) continue;
    const read = readRecord(scratchStore(JSON.stringify(envelope)), spec, now, { readOnly: true });
    if (read.status !== 'ok' && read.status !== 'migrated')
      return {
        ok: false,
        error: `The ${label[spec.key]} in this file cannot be used: ${read.problem}. Nothing was imported.`,
      };
    repaired.push(...(read.repaired ?? []));
    incoming.set(spec.key, read.value);
  }
  if (!incoming.size)
    return { ok: false, error: 'This progress file holds no progress. Nothing was imported.' };
  // Everything that would be written is known to be writable before anything is written.
  for (const spec of PROGRESS_RECORDS) {
    if (!incoming.has(spec.key)) continue;
    const read = readRecord(store, spec, now, { readOnly: true });
    if (read.status === 'newer' || read.status === 'unavailable')
      return {
        ok: false,
        error: `The ${label[spec.key]} in this browser ${read.status === 'newer' ? 'was saved by a newer version of the site: reload the page to get it' : 'cannot be read'}. Nothing was imported.`,
      };
  }
  const before = new Map(PROGRESS_RECORDS.map((s) => [s.key, store.getItem(s.key)]));
  const summary: ImportSummary = { repaired };
  const restore = () => {
    for (const [key, raw] of before) {
      try {
        if (raw === null) store.removeItem(key);
        else store.setItem(key, raw);
      } catch {
        /* the original value could not be restored either; storage is failing as a whole */
      }
    }
  };
  const quiz = incoming.get(QUIZ_ATTEMPTS.key) as QuizAttempts | undefined;
  if (quiz) {
    let merged: AttemptsMerge | undefined;
    const result = updateRecord(
      store,
      QUIZ_ATTEMPTS,
      (current) => (merged = mergeAttempts(current, quiz)).value,
      now,
    );
    if (!result.ok || !merged) {
      restore();
      return { ok: false, error: `${failure(result)}. Nothing was imported.` };
    }
    summary.quiz = { added: merged.added, already: merged.already, trimmed: merged.trimmed };
  }
  const cards = incoming.get(flashcardRecord.key) as FlashcardProgress | undefined;
  if (cards) {
    let merged: FlashcardsMerge | undefined;
    const result = updateRecord(
      store,
      flashcardRecord,
      (current) => (merged = mergeFlashcards(current, cards)).value,
      now,
    );
    if (!result.ok || !merged) {
      restore();
      return { ok: false, error: `${failure(result)}. Nothing was imported.` };
    }
    const { value: _value, ...counts } = merged;
    summary.flashcards = counts;
  }
  return { ok: true, summary };
}

const failure = (result: { ok: boolean; problem?: string }) => {
  const problem = result.problem ?? 'could not save';
  return problem.charAt(0).toUpperCase() + problem.slice(1);
};
