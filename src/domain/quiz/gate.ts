/**
 * What the schema alone cannot see in quiz files: that the file is named after the quiz id
 * (URLs and stored attempts depend on it), that ids are not repeated (questions, options, steps,
 * pairs, rubric items), that related notes exist, and that every question's `source` points at a
 * heading the notes really have.
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
  ]);
}

/** Every quiz file of `content/quizzes/`. */
export const checkQuizFiles = (files: readonly ContentFile[], index: AnchorIndex) =>
  checkEach(files, (file) => checkQuizFile(file, index));
