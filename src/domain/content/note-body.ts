/**
 * The content gate's checks of a note's body: everything the MDX build would reject (a syntax
 * error, code, an unknown component) becomes an error naming the file, the FILE's own line
 * (frontmatter included) and how to fix it, instead of an exception thrown from deep inside the
 * compiler. Unsafe HTML that the build removes is reported as a warning, one per removal.
 * Never throws.
 */
import type { Root } from 'mdast';
import { findMermaidFences } from '../../markdown/mermaid/fences.ts';
import { lintDiagram } from '../../markdown/mermaid/lint.ts';
import { noteSafety } from '../../markdown/note-safety.ts';
import { type NoteLinkRef, linksOf } from '../notes/links.ts';
import { stripComments } from '../notes/obsidian.ts';
import { parseMdx } from '../notes/tree.ts';
import type { ContentError } from './errors.ts';
import { memo, memoKey } from './memo.ts';

const BRACE_HINT =
  'a `{` in prose starts a JavaScript expression: escape it as `\\{` or write it in backticks';
const TAG_HINT = 'a `<` in prose starts an HTML tag: escape it as `\\<` (or `&lt;`) or write it in backticks';

/** The hint for a parse error: what the author most likely meant, and how to write it. */
export function syntaxHint(reason: string): string {
  if (/acorn|expression/i.test(reason)) return BRACE_HINT;
  if (/Unexpected character `!`/.test(reason))
    return 'MDX has no HTML comments (`<!-- … -->`): write `{/* … */}` instead, or remove it';
  const tag = /closing tag for `<([a-z][a-z0-9]*)[^`]*>`/i.exec(reason)?.[1]?.toLowerCase();
  if (tag && ['br', 'hr', 'img', 'wbr'].includes(tag))
    return `MDX needs void tags closed: write \`<${tag} />\``;
  if (/`<|closing tag|before name|tag/i.test(reason)) return TAG_HINT;
  return 'escape a literal `{` or `<` as `\\{` or `\\<`, or write it in backticks';
}

/** The parsed body, or the syntax error as a content error (on the file's own line). */
export function parseNoteBody(
  file: string,
  body: string,
  bodyLine: number,
): { tree: Root } | { error: ContentError } {
  // As the build parses a note: `$…$` is math, `%%comments%%` are cut (lines kept). The same
  // text and parser as the anchor index's, so one parse serves both (tree.ts).
  const parsed = parseMdx(stripComments(body));
  if ('tree' in parsed) return parsed;
  // micromark's VFileMessage: `reason` and the 1-based `line` in the body.
  const e = parsed.error as { reason?: string; line?: number };
  const reason = e.reason ?? String(parsed.error);
  // "Unexpected character `!` … (note: to create a comment in MDX, use `{/* text */}`)": the
  // hint says it better, once.
  // Positions inside the reason count from the body, not the file: dropped (the line is given).
  const short = reason
    .replace(/\s*\(note: [^)]*\)\s*$/, '')
    .replace(/, expected a character .*$/, '')
    .replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '');
  return {
    error: {
      file,
      line: bodyLine + (e.line ?? 1) - 1,
      message: `not valid MDX: ${short} (${syntaxHint(reason)})`,
    },
  };
}

type BodyChecks = { errors: ContentError[]; warnings: ContentError[]; links?: NoteLinkRef[] };

/** Body errors (the note cannot build) and warnings (unsafe HTML the build removes). */
export const checkNoteBody = (file: string, body: string, bodyLine: number): BodyChecks =>
  memo('note-body-checks', memoKey(file, body, bodyLine), () => readNoteBody(file, body, bodyLine));

function readNoteBody(file: string, body: string, bodyLine: number): BodyChecks {
  const parsed = parseNoteBody(file, body, bodyLine);
  if ('error' in parsed) return { errors: [parsed.error], warnings: [] };
  // Read before the safety step rewrites the tree (the links check runs once all notes are known).
  const links = linksOf(parsed.tree);
  const { errors, removals } = noteSafety(parsed.tree);
  const at = (p: { line: number; message: string }): ContentError => ({
    file,
    line: bodyLine + p.line - 1,
    message: p.message,
  });
  return {
    errors: [...errors.map(at), ...diagramSlips(file, body, bodyLine)],
    warnings: removals.map(at),
    links,
  };
}

/**
 * Diagrams that parse but would draw another actor or box than meant. Errors, not warnings:
 * the page would show a wrong diagram without a word, and the repair (named in the message)
 * is a one-word edit; `%% lint: off` in the diagram keeps one that is meant as written.
 */
export function diagramSlips(file: string, body: string, bodyLine: number): ContentError[] {
  return findMermaidFences(body).flatMap((fence) =>
    lintDiagram(fence.source).problems.map((p) => ({
      file,
      line: bodyLine - 1 + fence.line + p.line,
      message: `diagram draws something else than meant: ${p.message} (or add \`%% lint: off\` to the diagram if it is meant)`,
    })),
  );
}
