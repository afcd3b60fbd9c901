/**
 * Links written in notes: to a note that does not exist, or to a heading that does not, each is
 * an error on the file's own line (before this, they built silently into 404s and dead anchors).
 */
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/gate.ts';
import { anchorIndex } from '../../../src/domain/notes/anchors.ts';
import { checkNoteLink, checkNoteLinks } from '../../../src/domain/notes/links.ts';

const notes = [
  {
    file: 'content/notes/a.mdx',
    bodyLine: 9,
    data: { slug: 'a', title: 'A' },
    body: [
      '## Cost Model', // line 9
      '',
      'See [the cost](#cost-model), [b](/notes/b/), [b scaling](/notes/b/#scaling) and [top](#main).',
      '',
      'Broken: [gone](/notes/does-not-exist/) and [nope](/notes/b/#nope).', // line 13
      '',
      'Own: [missing](#nope), [typo](#cost), <a href="/notes/b/#scalin">html</a>.', // line 15
      '',
      '[ref]: /notes/c/', // line 17
      '',
      'Fine: [web](https://example.com/#x), [quiz](/quizzes/q/), [footnote](#user-content-fn-1), [b no slash](/notes/b).',
    ].join('\n'),
  },
  {
    file: 'content/notes/b.mdx',
    bodyLine: 9,
    data: { slug: 'b', title: 'B' },
    body: '## Scaling\n\nText.\n',
  },
];
const index = anchorIndex(notes);

describe('links in notes', () => {
  it('each broken link is an error with file:line', () => {
    expect(checkNoteLinks(notes, index).map(formatContentError)).toEqual([
      'content/notes/a.mdx:13: link to "/notes/does-not-exist/": no note has the slug "does-not-exist"',
      'content/notes/a.mdx:13: link to "/notes/b/#nope": note "b" has no heading with id "nope"',
      'content/notes/a.mdx:15: link to "#nope": note "a" has no heading with id "nope"',
      'content/notes/a.mdx:15: link to "#cost": note "a" has no heading with id "cost" (did you mean "cost-model"?)',
      'content/notes/a.mdx:15: link to "/notes/b/#scalin": note "b" has no heading with id "scalin" (did you mean "scaling"?)',
      'content/notes/a.mdx:17: link to "/notes/c/": no note has the slug "c"',
    ]);
  });

  it('emoji headings are linkable by their id', () => {
    const emoji = [
      {
        file: 'e.mdx',
        bodyLine: 1,
        data: { slug: 'e', title: 'E' },
        body: '## 🚀🔥\n\n[up](#section)\n',
      },
    ];
    expect(checkNoteLinks(emoji, anchorIndex(emoji))).toEqual([]);
  });

  it('suggests a close slug and decodes encoded ids', () => {
    expect(checkNoteLink('/notes/bb/', 'a', index)).toBe('no note has the slug "bb" (did you mean "b"?)');
    expect(checkNoteLink('#cost%2Dmodel', 'a', index)).toBeUndefined();
    expect(checkNoteLink('#%E0%A4%A', 'a', index)).toMatch(/no heading with id "%E0%A4%A"/);
  });
});
