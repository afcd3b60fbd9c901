/**
 * The checks every YAML gate shares (src/domain/content/yaml.ts): an error at a path with its
 * line, item and field; the id that must match the file name; repeated ids in any list.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import {
  checkYamlFile,
  duplicateIdErrors,
  fileId,
  idMatchesFileName,
  itemNoun,
} from '../../../src/domain/content/yaml.ts';

const Item = z.object({ id: z.string(), tags: z.array(z.string()).default([]) });
const Schema = z.object({
  id: z.string(),
  questions: z.array(Item.extend({ options: z.array(Item).default([]) })),
  leaves: z.array(Item).default([]),
});

const checked = (path: string, text: string) => {
  const result = checkYamlFile({ path, bytes: new TextEncoder().encode(text) }, Schema);
  if (!result.checked) throw new Error(result.errors.map(formatContentError).join('\n'));
  return result.checked;
};

const FILE = `id: walk
questions:
  - id: q1
    options:
      - id: a
      - id: b
      - id: a
  - id: q2
    tags: [x, x]
  - id: q1
leaves:
  - id: end
  - id: end
  - id: end
`;

describe('an error at a YAML path', () => {
  it('names the file, the line, the item and the field', () => {
    const file = checked('content/decide/walk.yaml', FILE);
    expect(formatContentError(file.at(['questions', 0, 'options', 2, 'id'], 'wrong'))).toBe(
      'content/decide/walk.yaml:7: question "q1" option "a": field "questions.0.options.2.id": wrong',
    );
    expect(formatContentError(file.at(['leaves', 1], 'wrong', 'the second leaf'))).toBe(
      'content/decide/walk.yaml:13: the second leaf: field "leaves.1": wrong',
    );
    // A path that is not in the file points at its nearest parent that is.
    expect(file.at(['questions', 1, 'hint'], 'missing').line).toBe(8);
  });

  it('words one item of a list', () => {
    expect(['questions', 'leaves', 'aliases', 'entries', 'rubric'].map(itemNoun)).toEqual([
      'question',
      'leaf',
      'alias',
      'entry',
      'rubric',
    ]);
  });
});

describe('the id that must match the file name', () => {
  it('is the file name without .yaml or .yml', () => {
    expect(fileId('quizzes/cold-start.yaml')).toBe('cold-start');
    expect(fileId('content\\cards\\deck.yml')).toBe('deck');
    expect(fileId('notes/a.md')).toBeUndefined();
  });

  it('passes when they agree and names both when they do not', () => {
    expect(idMatchesFileName(checked('content/decide/walk.yaml', FILE), 'walker')).toEqual([]);
    expect(
      idMatchesFileName(checked('content/decide/other.yaml', FILE), 'walker').map(formatContentError),
    ).toEqual([
      'content/decide/other.yaml:1: field "id": the walker id must match the file name: expected "other"; received "walk"',
    ]);
  });
});

describe('repeated ids', () => {
  it('are found in every list of items with ids, nested ones too, at each repeat', () => {
    expect(duplicateIdErrors(checked('content/decide/walk.yaml', FILE)).map(formatContentError)).toEqual([
      'content/decide/walk.yaml:10: question "q1": field "questions.2.id": duplicate id "q1" (question #1 already uses it)',
      'content/decide/walk.yaml:7: question "q1" option "a": field "questions.0.options.2.id": duplicate id "a" (option #1 already uses it)',
      'content/decide/walk.yaml:13: leaf "end": field "leaves.1.id": duplicate id "end" (leaf #1 already uses it)',
      'content/decide/walk.yaml:14: leaf "end": field "leaves.2.id": duplicate id "end" (leaf #1 already uses it)',
    ]);
  });

  it('leave lists of plain values alone (tags may repeat words)', () => {
    const file = checked('content/decide/walk.yaml', 'id: walk\nquestions:\n  - id: q\n    tags: [x, x]\n');
    expect(duplicateIdErrors(file)).toEqual([]);
  });
});
