import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/corpus.ts';

const fences = (text: string) => [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);

describe('bench corpus', () => {
  it('is deterministic for a seed, and another seed gives other notes', () => {
    expect(makeCorpus(5, { seed: 7 })).toEqual(makeCorpus(5, { seed: 7 }));
    expect(makeCorpus(5, { seed: 8 })[1]?.text).not.toBe(makeCorpus(5, { seed: 7 })[1]?.text);
  });

  it('gives every note its own slug, title, order, text and diagrams', () => {
    const corpus = makeCorpus(60, { seed: 3 });
    const slugs = corpus.map((n) => /^slug: (.*)$/m.exec(n.text)?.[1]);
    expect(new Set(slugs).size).toBe(60);
    expect(new Set(corpus.map((n) => /^title: (.*)$/m.exec(n.text)?.[1])).size).toBe(60);
    expect(corpus[2]?.text).toMatch(/^order: 3$/m);
    const diagrams = corpus.flatMap((n) => fences(n.text));
    expect(diagrams.length).toBe(corpus.reduce((s, n) => s + n.diagrams, 0));
    expect(new Set(diagrams).size).toBe(diagrams.length);
    // ≈ 5.8 per note, the first note without any (the "note without diagrams" of the bench)
    expect(diagrams.length / 60).toBeGreaterThan(4.5);
    expect(diagrams.length / 60).toBeLessThan(7);
    expect(corpus[0]?.diagrams).toBe(0);
    const paragraphs = corpus.flatMap((n) =>
      n.text.split('\n\n').filter((p) => p.length > 120 && !p.startsWith('```')),
    );
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(corpus.filter((n) => /^\| Aspect \|/m.test(n.text)).length).toBeGreaterThan(30);
  });

  it('writes a vault: subfolders, frontmatter, wikilinks to headings that exist, callouts, math', () => {
    const vault = makeCorpus(40, { seed: 5, variant: 'vault' });
    expect(new Set(vault.map((n) => n.name.split('/')[0])).size).toBeGreaterThan(3);
    expect(vault.every((n) => n.name.endsWith('.md') && n.text.startsWith('---\ntitle: '))).toBe(true);
    const all = vault.map((n) => n.text).join('\n');
    expect(all).toMatch(/^aliases: \[/m);
    expect(all).toMatch(/^> \[!\w+\] /m);
    expect(all).toMatch(/\$N = \d+ \\times r\$/);
    const links = [...all.matchAll(/\[\[([^\]#|]+)#([^\]|]+)\|/g)];
    expect(links.length).toBeGreaterThan(10);
    for (const [, title, heading] of links) {
      const target = vault.find((n) => n.name.endsWith(`/${title}.md`));
      expect(target?.text).toContain(`\n## ${heading}\n`);
    }
  });
});
