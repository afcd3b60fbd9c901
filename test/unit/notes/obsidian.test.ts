import { describe, expect, it } from 'vitest';
import { inlineTags, mergeTags, stripComments, tagSlug } from '../../../src/domain/notes/obsidian.ts';

describe('stripComments', () => {
  it('removes inline and multi-line comments, keeping every line', () => {
    const md = 'Keep %%drop this%% me.\n\n%%\nA secret\n\n## Not a heading\n%%\nAfter\n';
    const out = stripComments(md);
    expect(out).toBe('Keep  me.\n\n\n\n\n\n\nAfter\n');
    expect(out.split('\n')).toHaveLength(md.split('\n').length);
  });

  it('runs an unclosed comment to the end, and leaves code alone', () => {
    expect(stripComments('a `%%x%%` b\n```\n%%y%%\n```\nc %% open\nmore')).toBe(
      'a `%%x%%` b\n```\n%%y%%\n```\nc \n',
    );
    expect(stripComments('no comment')).toBe('no comment');
  });
});

describe('inlineTags', () => {
  it('finds #tag and #nested/tag, as tag slugs, once each', () => {
    expect(
      inlineTags('Study #caching and #system/Design, again #caching.\n#Interview_prep at a line start'),
    ).toEqual(['caching', 'system', 'system-design', 'interview-prep']);
  });

  it('skips headings, numbers, code, comments, links, entities and mid-word hashes', () => {
    const md = [
      '# Title',
      '## Section #real',
      'Issue #123 and C# and a#b',
      '`#code` %%#hidden%%',
      '[link](#anchor) <a href="#x">x</a> &#35;',
      '```',
      '#fenced',
      '```',
      '(#paren)',
    ].join('\n');
    expect(inlineTags(md)).toEqual(['real', 'paren']);
  });

  it('names tags as frontmatter tags are named (transliterated, nested levels)', () => {
    expect(inlineTags('#Café #a/b')).toEqual(['cafe', 'a', 'a-b']);
    expect(tagSlug('a/B c')).toBe('a-b-c');
    expect(tagSlug('---')).toBe('');
  });
});

describe('mergeTags', () => {
  it('puts frontmatter tags first, then new inline ones', () => {
    expect(mergeTags(['scaling', 'caching'], 'About #caching and #sharding')).toEqual([
      'scaling',
      'caching',
      'sharding',
    ]);
    expect(mergeTags(['a'], undefined)).toEqual(['a']);
  });
});
