import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeBuildId } from '../../../src/lib/build-id.ts';

describe('computeBuildId', () => {
  let root: string;
  const saved = { ...process.env };
  beforeEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('TRADEOFFS_')) delete process.env[key];
    root = mkdtempSync(join(tmpdir(), 'build-id-'));
    for (const dir of ['src', 'content/notes', 'content/cards', 'quizzes'])
      mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), 'export {};');
    writeFileSync(join(root, 'content/notes/n.mdx'), '# N');
    writeFileSync(join(root, 'content/cards/d.yaml'), 'cards: []');
    writeFileSync(join(root, 'quizzes/q.yaml'), 'id: q');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    process.env = { ...saved };
  });

  it('is the same for the same sources', () => {
    expect(computeBuildId(root)).toBe(computeBuildId(root));
  });
  it.each(['content/notes/n.mdx', 'quizzes/q.yaml', 'content/cards/d.yaml', 'src/a.ts'])(
    'changes when %s changes (the search index and pages change with it)',
    (file) => {
      const before = computeBuildId(root);
      writeFileSync(join(root, file), 'changed');
      expect(computeBuildId(root)).not.toBe(before);
    },
  );
});
