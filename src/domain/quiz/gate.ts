/**
 * What the schema alone cannot see in quiz files: that the file is named after the quiz id
 * (URLs and stored attempts depend on it), that related notes exist, and that every question's
 * `source` points at a heading the notes really have.
 */
import type { Quiz } from '../../schemas/quiz.ts';
import { QuizSchema } from '../../schemas/quiz.ts';
import type { ContentError, ContentFile } from '../content/gate.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import { type CheckedYaml, checkYamlFile, sourceErrors } from '../content/yaml.ts';

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
  return problems.length ? { errors: problems } : { checked, errors: [] };
}
