/**
 * The checks every YAML content file shares (quizzes, card decks, comparisons, the decision
 * walker, prices): parse and validate, then an error at any path of the file with its line, the
 * item (question or card id) and the field; the id that must match the file name; repeated ids
 * in any list; `source` references that must resolve. Each feature's gate composes these with
 * its own checks. Astro's file loaders log and drop bad data; this runs first so bad data fails
 * the build instead. Pure: bytes in, errors out.
 */
import { LineCounter, type Node, parseDocument } from 'yaml';
import type { ZodType, core } from 'zod';
import type { ContentError, ContentFile } from './errors.ts';
import { type AnchorIndex, checkSourceRef } from '../notes/anchors.ts';
import { plural } from './text.ts';

export type Path = readonly (string | number)[];

export interface CheckedYaml<T> {
  file: string;
  data: T;
  /** 1-based line of the value at a path (or of its nearest existing parent). */
  lineOf: (path: Path) => number | undefined;
  /** "question \"q-cost\" option \"b\"" for a path inside lists of items with ids. */
  itemOf: (path: Path) => string | undefined;
  /** The error at a path: file, line, item (unless given) and field filled in. */
  at: (path: Path, message: string, item?: string) => ContentError;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path)
    value = isRecord(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** The word for one item of a list, for messages: `questions` → `question`, `leaves` → `leaf`. */
export const itemNoun = (list: string): string =>
  list.replace(/(ases|ies|ves|s)$/, (end) => ({ ases: 'as', ies: 'y', ves: 'f' })[end] ?? '');

/** `questions.3` → `question "cold-start"`, following every list whose items carry an `id`. */
export function describeItem(root: unknown, path: Path): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'number') continue;
    const item = valueAt(root, path.slice(0, i + 1));
    const list = itemNoun(String(path[i - 1] ?? 'item'));
    const id = isRecord(item) && typeof item.id === 'string' ? `"${item.id}"` : `#${key + 1}`;
    parts.push(`${list} ${id}`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

export const received = (value: unknown): string =>
  value === undefined
    ? 'nothing (the field is missing)'
    : (JSON.stringify(value)?.slice(0, 80) ?? String(value));

/** One zod issue as a field and a message, with the value received (the one wording for all content). */
export function issueMessage(
  issue: core.$ZodIssue,
  raw: unknown,
): { path: Path; field: string; message: string } {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('", "');
    // Point at the (first) unknown key itself, not at the object holding it.
    const keyPath = [...path, issue.keys[0] ?? ''];
    return {
      path: keyPath,
      field: keyPath.join('.'),
      message: `unknown key "${keys}" (not a field of this schema; check the spelling)`,
    };
  }
  const value = valueAt(raw, path);
  const field = path.join('.') || '(top level)';
  if (value === undefined && issue.code === 'invalid_type')
    return { path, field, message: `the field is missing (expected ${issue.expected})` };
  // zod says "expected number, received string" for type errors; add the value itself.
  const shown = Array.isArray(value)
    ? plural(value.length, 'item')
    : typeof value === 'object' && value !== null
      ? undefined
      : received(value);
  const message = /received \w+$/.test(issue.message)
    ? `${issue.message}${shown ? ` (${shown})` : ''}`
    : `${issue.message}${shown ? `; received ${shown}` : ''}`;
  return { path, field, message };
}

/** Parses one YAML file and validates it with the schema. */
export function checkYamlFile<T>(
  file: ContentFile,
  schema: ZodType<T>,
): { checked?: CheckedYaml<T>; errors: ContentError[] } {
  const fail = (message: string, line?: number) => ({ errors: [{ file: file.path, line, message }] });
  if (file.bytes.length === 0) return fail('the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return fail('the file is not valid UTF-8');
  }
  if (!text.replace(/^\s*#.*$/gm, '').trim()) return fail('the file is empty (only whitespace or comments)');

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((error) => ({
        file: file.path,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const raw: unknown = doc.toJS();
  const lineOf = (path: Path): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const itemOf = (path: Path) => describeItem(raw, path);
  const at = (path: Path, message: string, item = itemOf(path)): ContentError => ({
    file: file.path,
    line: lineOf(path),
    item,
    field: path.join('.'),
    message,
  });

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => {
        const { path, field, message } = issueMessage(issue, raw);
        return { ...at(path, message), field };
      }),
    };
  }
  return { checked: { file: file.path, data: parsed.data, lineOf, itemOf, at }, errors: [] };
}

/**
 * A YAML file through its schema and then the feature's own checks (which see valid data only);
 * the checked file comes back only when nothing failed.
 */
export function checkYamlWith<T>(
  file: ContentFile,
  schema: ZodType<T>,
  checks: (checked: CheckedYaml<T>) => ContentError[],
): { checked?: CheckedYaml<T>; errors: ContentError[] } {
  const { checked, errors } = checkYamlFile(file, schema);
  if (!checked) return { errors };
  const problems = checks(checked);
  return problems.length ? { errors: problems } : { checked, errors: [] };
}

/** Errors for every `source` reference (at its path) that names a missing note or heading. */
export function sourceErrors(
  checked: CheckedYaml<unknown>,
  index: AnchorIndex,
  refs: readonly { path: Path; ref: string }[],
): ContentError[] {
  return refs.flatMap(({ path, ref }) => {
    const problem = checkSourceRef(ref, index);
    return problem ? [checked.at(path, problem)] : [];
  });
}

/** The id a content file must carry: its name without `.yaml` (URLs and stored progress use it). */
export const fileId = (path: string): string | undefined => /([^/\\]+)\.ya?ml$/.exec(path)?.[1];

/** The file's `id` must be its name: `kind` names what the file holds ("quiz", "deck", …). */
export function idMatchesFileName(checked: CheckedYaml<{ id: string }>, kind: string): ContentError[] {
  const expected = fileId(checked.file);
  const { id } = checked.data;
  return expected === id
    ? []
    : [
        checked.at(
          ['id'],
          `the ${kind} id must match the file name: expected "${expected}"; received "${id}"`,
        ),
      ];
}

/** Ids that appear more than once in a list, with the index of every repeat and of the first use. */
export function duplicateIds(
  items: readonly { id: string }[],
): { id: string; index: number; first: number }[] {
  const seen = new Map<string, number>();
  const repeats: { id: string; index: number; first: number }[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else repeats.push({ id: item.id, index, first });
  });
  return repeats;
}

const hasId = (value: unknown): value is { id: string } => isRecord(value) && typeof value.id === 'string';

/**
 * A repeated id in any list of items with ids, anywhere in the file (questions and their
 * options, cards, aspects, leaves …): ids name URLs, anchors and stored progress, so each must
 * mean one thing within its list.
 */
export function duplicateIdErrors(checked: CheckedYaml<unknown>): ContentError[] {
  const errors: ContentError[] = [];
  const walk = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(hasId)) {
        const noun = itemNoun(String(path.at(-1) ?? 'item'));
        for (const { id, index, first } of duplicateIds(value))
          errors.push(
            checked.at(
              [...path, index, 'id'],
              `duplicate id "${id}" (${noun} #${first + 1} already uses it)`,
            ),
          );
      }
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(checked.data, []);
  return errors;
}

/** A per-file check over a folder's files: what passed, and every error of the rest. */
export function checkEach<T>(
  files: readonly ContentFile[],
  check: (file: ContentFile) => { checked?: CheckedYaml<T>; errors: ContentError[] },
): { checked: CheckedYaml<T>[]; errors: ContentError[] } {
  const results = files.map(check);
  return {
    checked: results.flatMap((r) => (r.checked ? [r.checked] : [])),
    errors: results.flatMap((r) => r.errors),
  };
}
