/**
 * "Export all progress" and "Import progress": every record the site keeps (quiz attempts and
 * flashcards) in one JSON file. Import is all or nothing: the file is checked as a whole
 * (foreign file, unknown record, a record that does not validate or comes from a newer site),
 * every record is migrated like browser storage would, and only then written; if a write fails,
 * the records already written are put back.
 */
import {
  type FlashcardProgress,
  type ProgressExport,
  ProgressExportSchema,
  type QuizAttempts,
} from '../../schemas/progress.ts';
import { QUIZ_ATTEMPTS } from '../quiz/attempts.ts';
import { flashcardRecord } from '../flashcards/queue.ts';
import { type KeyValueStore, type RecordSpec, readRecord, writeRecord } from './storage.ts';

/** Every record an export file carries, in the order they are written on import. */
export const PROGRESS_RECORDS: readonly RecordSpec<unknown>[] = [QUIZ_ATTEMPTS, flashcardRecord];

/** Name for the download: `tradeoffs-progress-2026-11-24.json`. */
export const exportFileName = (now: Date) => `tradeoffs-progress-${now.toISOString().slice(0, 10)}.json`;

export interface ExportResult {
  json: string;
  /** Records that could not be read and were left out (they stay kept aside in storage). */
  skipped: string[];
}

export function exportProgress(store: KeyValueStore | undefined, now: Date): ExportResult {
  const records: ProgressExport['records'] = {};
  const skipped: string[] = [];
  for (const spec of PROGRESS_RECORDS) {
    const read = readRecord(store, spec, now);
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

export type ImportResult =
  | { ok: true; summary: { quizAttempts: number; cards: number; reviews: number } }
  | { ok: false; error: string };

/** A store holding one record: lets readRecord validate and migrate it without touching the real one. */
const scratchStore = (raw: string): KeyValueStore => ({
  getItem: () => raw,
  setItem: () => undefined,
  removeItem: () => undefined,
});

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
  const values = new Map<string, unknown>();
  for (const spec of PROGRESS_RECORDS) {
    const envelope = parsed.data.records[spec.key];
    if (!envelope) {
      values.set(spec.key, spec.empty());
      continue;
    }
    const read = readRecord(scratchStore(JSON.stringify(envelope)), spec, now);
    if (read.status !== 'ok' && read.status !== 'migrated')
      return {
        ok: false,
        error: `The ${spec.key} record in this file cannot be used: ${read.problem}. Nothing was imported.`,
      };
    values.set(spec.key, read.value);
  }
  const before = new Map(PROGRESS_RECORDS.map((s) => [s.key, store.getItem(s.key)]));
  for (const spec of PROGRESS_RECORDS) {
    const written = writeRecord(store, spec, values.get(spec.key));
    if (!written.ok) {
      for (const [key, raw] of before) {
        try {
          if (raw === null) store.removeItem(key);
          else store.setItem(key, raw);
        } catch {
          /* the original value could not be restored either; storage is failing as a whole */
        }
      }
      return { ok: false, error: `${written.problem}. Nothing was imported.` };
    }
  }
  const quiz = values.get(QUIZ_ATTEMPTS.key) as QuizAttempts;
  const cards = values.get(flashcardRecord.key) as FlashcardProgress;
  return {
    ok: true,
    summary: {
      quizAttempts: quiz.attempts.length,
      cards: Object.keys(cards.cards).length,
      reviews: cards.log.length,
    },
  };
}
