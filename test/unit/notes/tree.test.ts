/**
 * One parse per note text (src/domain/notes/tree.ts): every caller gets a tree of its own, so a
 * caller that rewrites its copy (the safety check does) changes nothing another caller reads;
 * a body that is not valid MDX gives its syntax error, and as plain Markdown still has its
 * headings.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetNoteTrees, keptCharacters, noteTree, parseMdx } from '../../../src/domain/notes/tree.ts';

afterEach(() => forgetNoteTrees());

const headings = (tree: Root) =>
  tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => toString(h));

describe('note trees', () => {
  it('gives each caller its own copy of the same tree', () => {
    const body = '# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSome $x^2$ math.\n';
    const first = noteTree(body);
    first.children.splice(0, first.children.length);
    (first as { extra?: boolean }).extra = true;
    const second = noteTree(body);
    expect(headings(second)).toEqual(['Title']);
    expect(second.children.map((n) => n.type)).toEqual(['heading', 'table', 'paragraph']);
    expect((second as { extra?: boolean }).extra).toBeUndefined();
    const parsed = parseMdx(body);
    expect('tree' in parsed && parsed.tree).toEqual(second);
  });

  it('gives the syntax error of a body that is not MDX, every time, and its Markdown tree', () => {
    const body = '# Heading\n\nA stray { brace.\n';
    for (let i = 0; i < 2; i++) {
      const parsed = parseMdx(body);
      expect('error' in parsed).toBe(true);
      const error = (parsed as { error: { reason?: string; line?: number } }).error;
      expect(error.reason).toMatch(/expression|acorn/i);
      expect(error.line).toBe(3);
      expect(headings(noteTree(body))).toEqual(['Heading']);
    }
  });

  it('reads `$…$` as math, not as an expression, as the build does', () => {
    const parsed = parseMdx('Cost is $\\{a\\}$ per call.\n');
    expect('tree' in parsed).toBe(true);
  });

  it('keeps each text once, and no more text than its budget: the rest is parsed each time', () => {
    forgetNoteTrees(40);
    const a = '# A\n\nFirst note, short.\n';
    noteTree(a);
    noteTree(a);
    parseMdx(a);
    expect(keptCharacters()).toBe(a.length);
    const long = `# Long\n\n${'word '.repeat(20)}\n`;
    expect(headings(noteTree(long))).toEqual(['Long']);
    expect(keptCharacters()).toBe(a.length);
    const b = '# B\n\nSecond.\n';
    noteTree(b);
    expect(keptCharacters()).toBe(a.length + b.length);
  });
});
