import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/corpus.ts';

const note = (slug: string) =>
  `---\ntitle: "T ${slug}"\nslug: ${slug}\nsummary: S\ntags: [x]\norder: 1\nsource: a.txt\n---\n\nThis is a paragraph that is long enough to vary.\n\n\`\`\`mermaid\ngraph LR\n  A-->B\n\`\`\`\n`;

describe('bench corpus', () => {
  it('is deterministic for a seed', () => {
    expect(makeCorpus([note('a')], 5, { seed: 7 })).toEqual(makeCorpus([note('a')], 5, { seed: 7 }));
  });

  it('gives every note its own slug, title and order, and makes a share of diagrams unique', () => {
    const corpus = makeCorpus([note('a'), note('b')], 40, { seed: 3, uniqueDiagramShare: 0.5 });
    const slugs = corpus.map((n) => /^slug: (.*)$/m.exec(n.text)?.[1]);
    expect(new Set(slugs).size).toBe(40);
    expect(corpus[2]?.text).toMatch(/^title: "T a \(copy 0003\)"$/m);
    expect(corpus[2]?.text).toMatch(/^order: 3$/m);
    const unique = corpus.filter((n) => n.text.includes('%% variant')).length;
    expect(unique).toBeGreaterThan(5);
    expect(unique).toBeLessThan(35);
  });
});
