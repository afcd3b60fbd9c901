/**
 * The content gate for decision walkers (`content/decide/*.yaml`): the file must be valid, the
 * note section it names must still hold a mermaid flowchart, that flowchart must read as a
 * decision tree, and every question, answer and leaf the file writes a reason for must still be
 * in it (an edited flowchart flags stale reasons). An answer or leaf without a written reason is
 * fine — the walker shows the diagram's own words — but is reported as a warning.
 * Pure: bytes and notes in, the walker or errors out.
 */
import GithubSlugger from 'github-slugger';
import type { Code, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type DecisionWalker, DecisionWalkerSchema } from '../../schemas/decide.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import { memo, memoKey } from '../content/memo.ts';
import { type DecisionTree, decisionTree } from './tree.ts';
import { type AnchorIndex, headingId, SOURCE_REF } from '../notes/anchors.ts';
import { noteTree } from '../notes/tree.ts';
import type { NoteText } from '../notes/collection.ts';
import {
  type CheckedYaml,
  checkYamlFile,
  duplicateIdErrors,
  idMatchesFileName,
  sourceErrors,
} from '../content/yaml.ts';

export interface NoteDiagram {
  /** The fence's text, exactly as the diagram renderer sees it (its hash names the SVG file). */
  source: string;
  /** 1-based line of the opening fence in the note body. */
  line: number;
  /** 1-based position among the note's mermaid diagrams ("Diagram 7"). */
  index: number;
  /** The nearest heading above it, as the note page names the figure. */
  heading: string;
}

/** The first mermaid diagram in the section under the heading with this id (before the next heading of the same or a higher level). */
export const diagramUnder = (body: string, id: string): NoteDiagram | undefined =>
  memo('diagram-under', memoKey(body, id), () => findDiagramUnder(body, id));

function findDiagramUnder(body: string, id: string): NoteDiagram | undefined {
  const slugger = new GithubSlugger();
  let depth: number | undefined;
  let done = false;
  let heading = 'diagram';
  let count = 0;
  let found: NoteDiagram | undefined;
  visit(noteTree(body), (node) => {
    if (found || done) return;
    if (node.type === 'heading') {
      const h = node as Heading;
      heading = toString(h);
      const hid = headingId(slugger, heading);
      if (depth !== undefined && h.depth <= depth) done = true;
      else if (depth === undefined && hid === id) depth = h.depth;
    } else if (node.type === 'code' && (node as Code).lang === 'mermaid') {
      count += 1;
      if (depth !== undefined)
        found = { source: (node as Code).value, line: node.position?.start.line ?? 1, index: count, heading };
    }
  });
  return found;
}

export interface ResolvedWalker {
  checked: CheckedYaml<DecisionWalker>;
  tree: DecisionTree;
  diagram: NoteDiagram & { note: string };
}

export function checkWalkerFile(
  file: ContentFile,
  notes: readonly NoteText[],
  index: AnchorIndex,
): { walker?: ResolvedWalker; errors: ContentError[]; warnings: ContentError[] } {
  const { checked, errors } = checkYamlFile(file, DecisionWalkerSchema);
  if (!checked) return { errors, warnings: [] };
  const walker = checked.data;
  const problems = idMatchesFileName(checked, 'walker');
  const { at } = checked;
  problems.push(
    ...sourceErrors(checked, index, [
      { path: ['diagram'], ref: walker.diagram },
      ...walker.questions.flatMap((q, i) =>
        q.answers.flatMap((a, j) =>
          a.source ? [{ path: ['questions', i, 'answers', j, 'source'], ref: a.source }] : [],
        ),
      ),
      ...walker.leaves.flatMap((l, i) =>
        l.sources.map((ref, j) => ({ path: ['leaves', i, 'sources', j], ref })),
      ),
    ]),
  );
  problems.push(...duplicateIdErrors(checked));
  if (problems.some((p) => p.field === 'diagram')) return { errors: problems, warnings: [] };

  const [, slug = '', headingRef = ''] = SOURCE_REF.exec(walker.diagram) ?? [];
  const note = notes.find((n) => n.data.slug === slug);
  const diagram = note && diagramUnder(note.body, headingRef);
  if (!note || !diagram) {
    problems.push(
      at(
        ['diagram'],
        `the section "${walker.diagram}" has no mermaid diagram (the walker reads the first one under that heading)`,
      ),
    );
    return { errors: problems, warnings: [] };
  }
  const { tree, errors: treeErrors } = decisionTree(diagram.source);
  if (!tree) {
    // The diagram's own line in the note file (its line 1 is the one after the opening fence).
    for (const e of treeErrors)
      problems.push({
        file: note.file,
        line: note.bodyLine + diagram.line - 1 + e.line,
        message: `decision diagram used by ${file.path}: ${e.message}`,
      });
    return { errors: problems, warnings: [] };
  }

  const warnings: ContentError[] = [];
  const diagramRef = `the diagram in ${walker.diagram}`;
  walker.questions.forEach((q, i) => {
    const question = tree.questions[q.id];
    if (!question) {
      const leaf = tree.leaves[q.id];
      problems.push(
        at(
          ['questions', i, 'id'],
          leaf
            ? `${q.id} is a leaf ("${leaf.label}") in ${diagramRef}, not a question: list it under leaves`
            : `${diagramRef} has no question ${q.id} (questions: ${Object.keys(tree.questions).join(', ')})`,
        ),
      );
      return;
    }
    q.answers.forEach((a, j) => {
      if (!question.answers.some((x) => x.label === a.answer))
        problems.push(
          at(
            ['questions', i, 'answers', j, 'answer'],
            `question ${q.id} "${question.label}" has no answer "${a.answer}" in ${diagramRef} (answers: ${question.answers.map((x) => `"${x.label}"`).join(', ')})`,
            // The answer by its label: answers carry no id.
            `question "${q.id}" answer "${a.answer}"`,
          ),
        );
    });
  });
  walker.leaves.forEach((l, i) => {
    if (!tree.leaves[l.id])
      problems.push(
        at(
          ['leaves', i, 'id'],
          tree.questions[l.id]
            ? `${l.id} is a question in ${diagramRef}, not a leaf: list it under questions`
            : `${diagramRef} has no leaf ${l.id} (leaves: ${Object.keys(tree.leaves).join(', ')})`,
        ),
      );
  });
  if (problems.length) return { errors: problems, warnings: [] };

  for (const question of Object.values(tree.questions)) {
    const written = walker.questions.find((q) => q.id === question.id);
    for (const answer of question.answers)
      if (!written?.answers.some((a) => a.answer === answer.label))
        warnings.push({
          file: file.path,
          item: `question "${question.id}"`,
          message: `no reason written for the answer "${answer.label}" (the walker shows the answer alone)`,
        });
  }
  for (const leaf of Object.values(tree.leaves))
    if (!walker.leaves.some((l) => l.id === leaf.id))
      warnings.push({
        file: file.path,
        item: `leaf "${leaf.id}"`,
        message: `no reason written for the recommendation "${leaf.label}"`,
      });
  return { walker: { checked, tree, diagram: { ...diagram, note: slug } }, errors: [], warnings };
}

/** All walker files: each checked; the site has one walker page (/decide/), so at most one file. */
export function checkWalkerFiles(
  files: readonly ContentFile[],
  notes: readonly NoteText[],
  index: AnchorIndex,
): { walkers: ResolvedWalker[]; errors: ContentError[]; warnings: ContentError[] } {
  const results = files.map((file) => checkWalkerFile(file, notes, index));
  const errors = results.flatMap((r) => r.errors);
  if (files.length > 1)
    errors.push({
      file: files[1]?.path ?? '',
      message: `only one decision walker is supported (it is the page /decide/); found ${files.length}: ${files.map((f) => f.path).join(', ')}`,
    });
  return {
    walkers: results.flatMap((r) => (r.walker ? [r.walker] : [])),
    errors,
    warnings: results.flatMap((r) => r.warnings),
  };
}
