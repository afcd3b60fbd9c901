/**
 * Versioned records in browser storage (quiz attempts, flashcard progress). Pure: the storage
 * is passed in (localStorage in the browser, a Map in tests), and so is `now`.
 *
 * A record is stored as `{ "version": N, "data": … }`. On read it is validated with its zod
 * schema and migrated one version at a time. Nothing a reader did is thrown away silently:
 * - unreadable or invalid data is copied aside under `<key>.corrupt.<time>` and the page starts
 *   from an empty record (the copy stays for a human or a later fix);
 * - a record from a newer version of the site is left untouched and not overwritten, so going
 *   back to an old tab never destroys newer progress;
 * - pages change records with updateRecord (read, change, validate, write at the moment of the
 *   write), so two tabs or a stale tab never drop what the other wrote.
 */
import { config, safeParse } from 'zod/mini';
import type { core } from 'zod/mini';

// zod compiles object parsers with `new Function` unless told not to, and merely probing for
// that makes the strict CSP (no 'unsafe-eval') report a violation on every page that reads a
// record. Interpreted parsing is plenty for a few records.
config({ jitless: true });

/** The part of the Web Storage API we use; localStorage satisfies it. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Enumeration (localStorage has it): lets kept-aside copies be found, counted and bounded. */
  readonly length?: number;
  key?(index: number): string | null;
}

export interface RecordSpec<T> {
  key: string;
  version: number;
  /** A zod or zod/mini schema (pages use zod/mini to keep their scripts small). */
  schema: core.$ZodType<T>;
  /** A fresh record for a first visit (or after a corrupt one was kept aside). */
  empty: () => T;
  /** `migrations[n]` turns the data of version n into the data of version n + 1. */
  migrations?: Record<number, (data: unknown) => unknown>;
  /**
   * Data that passes the schema but that the page cannot use (a card state the scheduler
   * rejects): returns the usable value, what was wrong, and what was taken out (kept aside).
   */
  repair?(value: T, now: Date): Repair<T> | undefined;
}

export interface Repair<T> {
  value: T;
  /** One sentence per repair, for the reader. */
  notes: string[];
  /** What was taken out of the record, kept aside as JSON. */
  removed?: unknown;
}

export type ReadStatus = 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer' | 'unavailable';

export interface ReadResult<T> {
  value: T;
  status: ReadStatus;
  /** Why the stored record could not be used (corrupt / newer / unavailable). */
  problem?: string;
  /** Where a corrupt record (or the part a repair took out) was copied to. */
  keptAs?: string;
  /** Older kept-aside copies removed to stay within the cap (see KEPT_ASIDE). */
  dropped?: string[];
  /** Repairs of usable data (status ok/migrated), one sentence each. */
  repaired?: string[];
  /** `newer`: the version the record was saved with, and the one this page knows. */
  versions?: { stored: number; known: number };
  /** False when writing would destroy data we could not read (a newer version). */
  writable: boolean;
}

/** Why a write did not happen: messages.ts turns these into sentences. */
export type WriteCode = 'unavailable' | 'full' | 'invalid' | 'newer' | 'unreadable' | 'failed';
export type WriteResult = { ok: true } | { ok: false; code: WriteCode; problem: string };

export interface ReadOptions {
  /**
   * Never write (no copy kept aside): for pages that only show a summary and leave the
   * reporting of a damaged record to the page that owns it.
   */
  readOnly?: boolean;
}

/**
 * Kept-aside copies are bounded: one per distinct damaged record (the same damage seen on every
 * visit is copied once), at most `copies` per record, `chars` in all per record; the oldest go
 * first, and the read says which.
 */
export const KEPT_ASIDE = { copies: 3, chars: 1_500_000 } as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isQuota = (error: unknown) => error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);

/** Every key of the store, or undefined when it cannot enumerate. */
export function storeKeys(store: KeyValueStore): string[] | undefined {
  if (typeof store.length !== 'number' || typeof store.key !== 'function') return undefined;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** Kept-aside copies of a record, oldest first (their keys end in an ISO time). */
export function keptAsideKeys(store: KeyValueStore, key: string): string[] {
  return (storeKeys(store) ?? []).filter((k) => k.startsWith(`${key}.corrupt.`)).sort();
}

interface Kept {
  keptAs?: string;
  dropped: string[];
}

function keepAside(store: KeyValueStore, key: string, raw: string, now: Date): Kept {
  const existing = keptAsideKeys(store, key).map((k) => ({ key: k, raw: store.getItem(k) ?? '' }));
  const same = existing.find((copy) => copy.raw === raw);
  if (same) return { keptAs: same.key, dropped: [] };
  let aside = `${key}.corrupt.${now.toISOString()}`;
  if (existing.some((copy) => copy.key === aside)) aside += `.${existing.length}`;
  const dropped: string[] = [];
  let chars = existing.reduce((n, copy) => n + copy.raw.length, 0) + raw.length;
  while (existing.length && (existing.length >= KEPT_ASIDE.copies || chars > KEPT_ASIDE.chars)) {
    const oldest = existing.shift() as { key: string; raw: string };
    store.removeItem(oldest.key);
    dropped.push(oldest.key);
    chars -= oldest.raw.length;
  }
  try {
    store.setItem(aside, raw);
    return { keptAs: aside, dropped };
  } catch {
    return { dropped }; // storage full: the original stays where it is, untouched
  }
}

export function readRecord<T>(
  store: KeyValueStore | undefined,
  spec: RecordSpec<T>,
  now: Date,
  options: ReadOptions = {},
): ReadResult<T> {
  if (!store) {
    return {
      value: spec.empty(),
      status: 'unavailable',
      problem: 'browser storage is not available',
      writable: false,
    };
  }
  let raw: string | null;
  try {
    raw = store.getItem(spec.key);
  } catch (error) {
    return { value: spec.empty(), status: 'unavailable', problem: String(error), writable: false };
  }
  if (raw === null) return { value: spec.empty(), status: 'empty', writable: true };

  const corrupt = (problem: string): ReadResult<T> => {
    if (options.readOnly) return { value: spec.empty(), status: 'corrupt', problem, writable: false };
    const { keptAs, dropped } = keepAside(store, spec.key, raw, now);
    // Only overwrite the original once its copy is safe.
    const result: ReadResult<T> = {
      value: spec.empty(),
      status: 'corrupt',
      problem,
      writable: keptAs !== undefined,
    };
    if (keptAs) result.keptAs = keptAs;
    if (dropped.length) result.dropped = dropped;
    return result;
  };

  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return corrupt('the stored record is not valid JSON');
  }
  if (!isObject(envelope) || typeof envelope.version !== 'number' || !Number.isInteger(envelope.version)) {
    return corrupt('the stored record has no version');
  }
  const from = envelope.version;
  if (from > spec.version) {
    return {
      value: spec.empty(),
      status: 'newer',
      problem: `progress was saved by a newer version of the site (record v${from}, this page knows v${spec.version})`,
      versions: { stored: from, known: spec.version },
      writable: false,
    };
  }
  let data: unknown = envelope.data;
  for (let v = from; v < spec.version; v++) {
    const step = spec.migrations?.[v];
    if (!step) return corrupt(`no migration from version ${v}`);
    try {
      data = step(data);
    } catch (error) {
      return corrupt(`migration from version ${v} failed: ${String(error)}`);
    }
  }
  const parsed = safeParse(spec.schema, data);
  if (!parsed.success)
    return corrupt(`the stored record does not match its schema (${firstIssue(parsed.error)})`);
  const result: ReadResult<T> = {
    value: parsed.data,
    status: from === spec.version ? 'ok' : 'migrated',
    writable: true,
  };
  const repair = spec.repair?.(parsed.data, now);
  if (repair?.notes.length) {
    result.value = repair.value;
    result.repaired = repair.notes;
    if (!options.readOnly && repair.removed !== undefined) {
      const { keptAs, dropped } = keepAside(store, spec.key, JSON.stringify(repair.removed), now);
      if (keptAs) result.keptAs = keptAs;
      // No room for the copy: leave the stored record as it is until there is.
      else result.writable = false;
      if (dropped.length) result.dropped = dropped;
    }
  }
  return result;
}

const firstIssue = (error: { issues: readonly core.$ZodIssue[] }) => {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'record'}: ${issue?.message}`;
};

/**
 * Writes a whole record. The value is checked against the record's own schema first: what the
 * site writes, it must be able to read back (a value that would be set aside on the next read
 * is refused here, and the stored record stays as it was).
 */
export function writeRecord<T>(store: KeyValueStore | undefined, spec: RecordSpec<T>, value: T): WriteResult {
  if (!store) return { ok: false, code: 'unavailable', problem: 'browser storage is not available' };
  const checked = safeParse(spec.schema, value);
  if (!checked.success)
    return {
      ok: false,
      code: 'invalid',
      problem: `it does not match the stored format (${firstIssue(checked.error)})`,
    };
  try {
    store.setItem(spec.key, JSON.stringify({ version: spec.version, data: value }));
    return { ok: true };
  } catch (error) {
    const quota = isQuota(error);
    return quota
      ? { ok: false, code: 'full', problem: 'browser storage is full: this result was not saved' }
      : { ok: false, code: 'failed', problem: `could not save: ${String(error)}` };
  }
}

export type UpdateResult<T> =
  | { ok: true; value: T; read: ReadResult<T> }
  | { ok: false; code: WriteCode; problem: string; read: ReadResult<T> };

/**
 * Every write is a merge with what is stored now, never a blind overwrite of what this page read
 * earlier: the record is read at the moment of writing (another tab may have written since), the
 * change is applied to that, and the result is validated and written. `change` is pure and may
 * run on a value other than the one the page holds.
 */
export function updateRecord<T>(
  store: KeyValueStore | undefined,
  spec: RecordSpec<T>,
  change: (current: T) => T,
  now: Date,
): UpdateResult<T> {
  const read = readRecord(store, spec, now);
  if (!read.writable) {
    const code: WriteCode =
      read.status === 'newer' ? 'newer' : read.status === 'unavailable' ? 'unavailable' : 'unreadable';
    return { ok: false, code, problem: read.problem ?? 'the stored record cannot be replaced', read };
  }
  const value = change(read.value);
  const written = writeRecord(store, spec, value);
  return written.ok ? { ok: true, value, read } : { ...written, read };
}

/** localStorage when the browser allows it (it throws in some privacy modes). */
export function browserStore(): KeyValueStore | undefined {
  try {
    const store = globalThis.localStorage;
    return store ?? undefined;
  } catch {
    return undefined;
  }
}
