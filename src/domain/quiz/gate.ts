/**
 * What the schema alone cannot see in quiz files: that the file is named after the quiz id
 * (URLs and stored attempts depend on it), that ids are not repeated (questions, options, steps,
 * pairs, rubric items), that related notes exist, and that every question's `source` points at a
 * heading the notes really have; that points can be shown and stored (two decimals at most); that
 * match questions are answerable (distinct lefts, one spelling per right answer); and that no text
 * holds markup meant to run (src/domain/quiz/text.ts).
 */
import type { Quiz } from '../../schemas/quiz.ts';
import { QuizSchema } from '../../schemas/quiz.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import {
  type CheckedYaml,
  checkEach,
  checkYamlWith,
  duplicateIdErrors,
  idMatchesFileName,
  sourceErrors,
} from '../content/yaml.ts';
import { normaliseAnswer } from './scoring.ts';
import { quizTexts, unsafeQuizText } from './text.ts';

export function checkQuizFile(
  file: ContentFile,
  index: AnchorIndex,
): { checked?: CheckedYaml<Quiz>; errors: ContentError[] } {
  return checkYamlWith(file, QuizSchema, (checked) => [
    ...idMatchesFileName(checked, 'quiz'),
    ...duplicateIdErrors(checked),
    ...checked.data.notes.flatMap((slug, i) =>
      index.has(slug) ? [] : [checked.at(['notes', i], `no note has the slug "${slug}"`)],
    ),
    ...sourceErrors(
      checked,
      index,
      checked.data.questions.map((q, i) => ({ path: ['questions', i, 'source'], ref: q.source })),
    ),
    ...answerableErrors(checked),
  ]);
}

/** Checks of what a reader sees and what storage keeps: points, match pairs, unsafe text. */
function answerableErrors(checked: CheckedYaml<Quiz>): ContentError[] {
  const errors: ContentError[] = [];
  checked.data.questions.forEach((q, i) => {
    // Scores are kept to two decimals: 0.001 would round to 0 and the saved attempt could not be read back.
    if (Math.abs(Math.round(q.points * 100) - q.points * 100) > 1e-6)
      errors.push(
        checked.at(
          ['questions', i, 'points'],
          `points must have at most two decimals (e.g. 0.5 or 1.25); received ${q.points}`,
        ),
      );
    if (q.type !== 'match') return;
    const lefts = new Map<string, number>();
    const rights = new Map<string, { spelling: string; at: number }>();
    q.pairs.forEach((p, j) => {
      const left = normaliseAnswer(p.left);
      const first = lefts.get(left);
      if (first !== undefined)
        errors.push(
          checked.at(
            ['questions', i, 'pairs', j, 'left'],
            `the same left item as pairs.${first} ("${p.left}"): a reader could not tell them apart; make each left item distinct`,
          ),
        );
      else lefts.set(left, j);
      const right = rights.get(normaliseAnswer(p.right));
      if (right && right.spelling !== p.right)
        errors.push(
          checked.at(
            ['questions', i, 'pairs', j, 'right'],
            `"${p.right}" is the same answer as "${right.spelling}" in pairs.${right.at} written differently; it would show as two choices: write it the same way`,
          ),
        );
      else if (!right) rights.set(normaliseAnswer(p.right), { spelling: p.right, at: j });
    });
  });
  for (const [path, text] of quizTexts(checked.data.questions, ['questions'])) {
    const problem = unsafeQuizText(text);
    if (problem) errors.push(checked.at(path, problem));
  }
  return errors;
}

/** Every quiz file of `content/quizzes/`. */
export const checkQuizFiles = (files: readonly ContentFile[], index: AnchorIndex) =>
  checkEach(files, (file) => checkQuizFile(file, index));
