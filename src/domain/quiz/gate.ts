/**
 * What the schema alone cannot see in quiz files: that the file is named after the quiz id
 * (URLs and stored attempts depend on it), that related notes exist, and that every question's
 * `source` points at a heading the notes really have; that points can be shown and stored (two
 * decimals at most); that match questions are answerable (distinct lefts, one spelling per right
 * answer); and that no text holds markup meant to run (src/domain/quiz/text.ts).
 */
import type { Quiz } from '../../schemas/quiz.ts';
import { QuizSchema } from '../../schemas/quiz.ts';
import type { ContentError, ContentFile } from '../content/gate.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import { type CheckedYaml, checkYamlFile, sourceErrors } from '../content/yaml.ts';
import { normaliseAnswer } from './scoring.ts';
import { quizTexts, unsafeQuizText } from './text.ts';

export function checkQuizFile(
  file: ContentFile,
  index: AnchorIndex,
): { checked?: CheckedYaml<Quiz>; errors: ContentError[] } {
  const { checked, errors } = checkYamlFile(file, QuizSchema);
  if (!checked) return { errors };
  const quiz = checked.data;
  const problems: ContentError[] = [];
  const expected = /([^/\\]+)\.ya?ml$/.exec(file.path)?.[1];
  if (expected !== quiz.id)
    problems.push({
      file: file.path,
      line: checked.lineOf(['id']),
      field: 'id',
      message: `the quiz id must match the file name: expected "${expected}"; received "${quiz.id}"`,
    });
  quiz.notes.forEach((slug, i) => {
    if (!index.has(slug))
      problems.push({
        file: file.path,
        line: checked.lineOf(['notes', i]),
        field: `notes.${i}`,
        message: `no note has the slug "${slug}"`,
      });
  });
  problems.push(
    ...sourceErrors(
      checked,
      index,
      quiz.questions.map((q, i) => ({ path: ['questions', i, 'source'], ref: q.source })),
    ),
  );
  problems.push(...answerableErrors(file, checked));
  return problems.length ? { errors: problems } : { checked, errors: [] };
}

/** Checks of what a reader sees and what storage keeps: points, match pairs, unsafe text. */
function answerableErrors(file: ContentFile, checked: CheckedYaml<Quiz>): ContentError[] {
  const errors: ContentError[] = [];
  const error = (path: (string | number)[], message: string) =>
    errors.push({
      file: file.path,
      line: checked.lineOf(path),
      item: checked.itemOf(path),
      field: path.join('.'),
      message,
    });
  checked.data.questions.forEach((q, i) => {
    // Scores are kept to two decimals: 0.001 would round to 0 and the saved attempt could not be read back.
    if (Math.abs(Math.round(q.points * 100) - q.points * 100) > 1e-6)
      error(
        ['questions', i, 'points'],
        `points must have at most two decimals (e.g. 0.5 or 1.25); received ${q.points}`,
      );
    if (q.type !== 'match') return;
    const lefts = new Map<string, number>();
    const rights = new Map<string, { spelling: string; at: number }>();
    q.pairs.forEach((p, j) => {
      const left = normaliseAnswer(p.left);
      const first = lefts.get(left);
      if (first !== undefined)
        error(
          ['questions', i, 'pairs', j, 'left'],
          `the same left item as pairs.${first} ("${p.left}"): a reader could not tell them apart; make each left item distinct`,
        );
      else lefts.set(left, j);
      const right = rights.get(normaliseAnswer(p.right));
      if (right && right.spelling !== p.right)
        error(
          ['questions', i, 'pairs', j, 'right'],
          `"${p.right}" is the same answer as "${right.spelling}" in pairs.${right.at} written differently; it would show as two choices: write it the same way`,
        );
      else if (!right) rights.set(normaliseAnswer(p.right), { spelling: p.right, at: j });
    });
  });
  for (const [path, text] of quizTexts(checked.data.questions, ['questions'])) {
    const problem = unsafeQuizText(text);
    if (problem) error(path, problem);
  }
  return errors;
}
