import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setDerivedStore } from '../../../src/domain/content/memo.ts';
import { anchorText, checkSourceRef, noteAnchors } from '../../../src/domain/notes/anchors.ts';
import { createDerivedStore } from '../../../src/integrations/derived-cache.ts';

describe('noteAnchors', () => {
  it('gives GitHub-style ids, numbering repeats, as the note page does', () => {
    const anchors = noteAnchors(
      '## Pros\n\ntext\n\n## Cons\n\n### Pros\n\n## Advantages \\& Disadvantages\n\n## 🎯 Interview `Tips`\n',
    );
    expect(anchors.map((a) => a.id)).toEqual([
      'pros',
      'cons',
      'pros-1',
      'advantages--disadvantages',
      '-interview-tips',
    ]);
    expect(anchors[4]).toEqual({ id: '-interview-tips', text: '🎯 Interview Tips', depth: 2 });
  });

  it('gives a heading of emoji only an id all the same', () => {
    expect(noteAnchors('## 🚀\n\n## ⚠️\n').map((a) => a.id)).toEqual(['section', 'section-1']);
  });

  it('ignores # lines inside code fences', () => {
    expect(noteAnchors('```yaml\n# comment\n```\n\n## Real\n').map((a) => a.id)).toEqual(['real']);
  });

  it('gives unique ids to every heading of seed 000, the ones quizzes link to', () => {
    const body = readFileSync('content/notes/architecture-paradigms.mdx', 'utf8');
    const ids = noteAnchors(body).map((a) => a.id);
    expect(ids).toContain('scenario-1-image-processing-pipeline');
    expect(ids).toContain('cost-model');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('checkSourceRef', () => {
  const index = new Map([
    ['note', { title: 'A note', anchors: noteAnchors('## Cost Model\n\n## Scaling\n') }],
  ]);
  it('accepts an existing heading', () => expect(checkSourceRef('note#cost-model', index)).toBeUndefined());
  it('names a missing note and lists the notes', () =>
    expect(checkSourceRef('nope#cost-model', index)).toBe('no note has the slug "nope" (notes: note)'));
  it('suggests a close heading id', () =>
    expect(checkSourceRef('note#cost', index)).toBe(
      'note "note" has no heading with id "cost" (did you mean "cost-model"?)',
    ));
  it('rejects a malformed reference', () =>
    expect(checkSourceRef('note', index)).toBe('expected "<note-slug>#<heading-id>"; received "note"'));
  it('anchorText gives the titles for links', () => {
    expect(anchorText('note#scaling', index)).toEqual({ note: 'A note', heading: 'Scaling' });
    expect(anchorText('note#nope', index)).toBeUndefined();
  });
});

it('drops emoji variation selectors from ids (no invisible characters in URLs)', () => {
  expect(noteAnchors('### ⚠️ Common Pitfall\n').map((a) => a.id)).toEqual(['-common-pitfall']);
});

it('reads a note once within a build, whether its body keeps the blank line after the frontmatter or comes trimmed', () => {
  const { store, stats } = createDerivedStore();
  setDerivedStore(store);
  try {
    // The gate reads the file after its frontmatter; the page build gets Astro's trimmed body.
    const body = '## One\n\nText.\n\n## Two\n';
    expect(noteAnchors(body.trim()).map((a) => a.id)).toEqual(['one', 'two']);
    expect(noteAnchors(`\n\n${body}\n  \n`).map((a) => a.id)).toEqual(['one', 'two']);
    expect(stats().made).toBe(1);
    // Spaces before the first line are kept in the key: another text, read apart.
    expect(noteAnchors('  ## Code\n\n## Real\n').map((a) => a.id)).toEqual(['code', 'real']);
    expect(noteAnchors('## Code\n\n## Real\n').map((a) => a.id)).toEqual(['code', 'real']);
    expect(stats().made).toBe(3);
  } finally {
    setDerivedStore(undefined);
  }
});
