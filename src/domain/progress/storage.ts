/**
 * Versioned records in browser storage (quiz attempts, flashcard progress). Pure: the storage
 * is passed in (localStorage in the browser, a Map in tests), and so is `now`.
 *
 * A record is stored as `{ "version": N, "data": … }`. On read it is validated with its zod
 * schema and migrated one version at a time. Nothing a reader did is thrown away silently:
 * - unreadable or invalid data is copied aside under `<key>.corrupt.<time>` and the page starts
 *   from an empty record (the copy stays for a human or a later fix);
 * - a record from a newer version of the site is left untouched and not overwritten, so going
 *   back to an old tab never destroys newer progress.
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
}

export type ReadStatus = 'empty' | 'ok' | 'migrated' | 'corrupt' | 'newer' | 'unavailable';

export interface ReadResult<T> {
  value: T;
  status: ReadStatus;
  /** Why the stored record could not be used (corrupt / newer / unavailable). */
  problem?: string;
  /** Where a corrupt record was copied to. */
  keptAs?: string;
  /** False when writing would destroy data we could not read (a newer version). */
  writable: boolean;
}

export type WriteResult = { ok: true } | { ok: false; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function keepAside(store: KeyValueStore, key: string, raw: string, now: Date): string | undefined {
  const aside = `${key}.corrupt.${now.toISOString()}`;
  try {
    store.setItem(aside, raw);
    return aside;
  } catch {
    return undefined; // storage full: the original stays where it is, untouched
  }
}

export function readRecord<T>(
  store: KeyValueStore | undefined,
  spec: RecordSpec<T>,
  now: Date,
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
    const keptAs = keepAside(store, spec.key, raw, now);
    // Only overwrite the original once its copy is safe.
    const result: ReadResult<T> = {
      value: spec.empty(),
      status: 'corrupt',
      problem,
      writable: keptAs !== undefined,
    };
    if (keptAs) result.keptAs = keptAs;
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
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return corrupt(
      `the stored record does not match its schema (${issue?.path.join('.') || 'record'}: ${issue?.message})`,
    );
  }
  return { value: parsed.data, status: from === spec.version ? 'ok' : 'migrated', writable: true };
}

export function writeRecord<T>(store: KeyValueStore | undefined, spec: RecordSpec<T>, value: T): WriteResult {
  if (!store) return { ok: false, problem: 'browser storage is not available' };
  try {
    store.setItem(spec.key, JSON.stringify({ version: spec.version, data: value }));
    return { ok: true };
  } catch (error) {
    const quota = error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
    return {
      ok: false,
      problem: quota
        ? 'browser storage is full: this result was not saved'
        : `could not save: ${String(error)}`,
    };
  }
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
