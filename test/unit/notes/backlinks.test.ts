import { describe, expect, it } from 'vitest';
import {
  buildBacklinks,
  markdownLinks,
  plainText,
  relatedByTags,
  sentenceAround,
} from '../../../src/domain/notes/backlinks.ts';

const note = (slug: string, body: string, tags: string[] = [], title = slug) => ({
  data: { slug, title, tags },
  body,
});

describe('markdownLinks', () => {
  it('finds links to note pages, with or without a section or a title', () => {
    const body = [
      'See [DNS](/notes/dns/) and [the TTL](/notes/dns/#caching-answers).',
      'Also [load balancing](/notes/load-balancers "Layer 7") and [x](</notes/sharding/>).',
    ].join('\n');
    expect(markdownLinks(body).map((l) => [l.text, l.target])).toEqual([
      ['DNS', 'dns'],
      ['the TTL', 'dns'],
      ['load balancing', 'load-balancers'],
      ['x', 'sharding'],
    ]);
    const first = markdownLinks(body)[0];
    expect(body.slice(first?.start, first?.end)).toBe('[DNS](/notes/dns/)');
  });

  it('ignores images, other pages, other sites and links inside code', () => {
    const body = [
      '![diagram](/notes/dns/diagram.png) [tags](/tags/dns/) [web](https://example.org/notes/dns/)',
      'Inline `[not a link](/notes/dns/)` is code.',
      '```md',
      '[in a fence](/notes/dns/)',
      '```',
      '~~~~',
      '[in a tilde fence](/notes/dns/)',
      '~~~~',
      'After the fences: [real](/notes/caching/).',
    ].join('\n');
    expect(markdownLinks(body).map((l) => l.target)).toEqual(['caching']);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(markdownLinks('```\n[x](/notes/dns/)\n')).toEqual([]);
  });
});

describe('plainText', () => {
  it('keeps the words a reader sees', () => {
    expect(plainText('**Bold**, _italic_, `code`, ~~gone~~ and ==marked== [link](/x/) ![img](/y.png)')).toBe(
      'Bold, italic, code, gone and marked link ',
    );
    expect(plainText('[[Other note]] and [[Other note#Heading|its heading]] <b>html</b>')).toBe(
      'Other note and its heading html',
    );
    expect(plainText('## Heading\n> quoted\n- item\n1. first\n- [x] done')).toBe(
      'Heading quoted item first done',
    );
    expect(plainText('snake_case_name stays')).toBe('snake_case_name stays');
  });
});

describe('sentenceAround', () => {
  const around = (body: string) => {
    const link = markdownLinks(body)[0];
    if (!link) throw new Error('no link');
    return sentenceAround(body, link);
  };

  it('is the sentence the link sits in, not its neighbours', () => {
    expect(
      around('First sentence. Begin with [DNS](/notes/dns/) to see names resolve. Then something else.'),
    ).toEqual({ before: 'Begin with ', text: 'DNS', after: ' to see names resolve.' });
  });

  it('ends at the full stop right after the link', () => {
    expect(around('Read about [caching](/notes/caching/). Then more.')).toEqual({
      before: 'Read about ',
      text: 'caching',
      after: '.',
    });
  });

  it('stays within the paragraph, and keeps a list item or table row to its line', () => {
    expect(around('Earlier paragraph without a stop\n\nNew one with [x](/notes/x/) here')).toEqual({
      before: 'New one with ',
      text: 'x',
      after: ' here',
    });
    expect(around('Intro line\n| Latency | Lower; used by [DNS](/notes/dns/) |\n| next | row |')).toEqual({
      before: 'Latency Lower; used by ',
      text: 'DNS',
      after: '',
    });
    expect(around('- one item\n- see [x](/notes/x/)\n- another')).toEqual({
      before: 'see ',
      text: 'x',
      after: '',
    });
  });

  it('clips a very long sentence at word boundaries', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const result = around(`${words} [x](/notes/x/) ${words}.`);
    expect(result.before.startsWith('…')).toBe(true);
    expect(result.after.endsWith('…')).toBe(true);
    expect(result.before.length).toBeLessThanOrEqual(141);
    expect(result.after.length).toBeLessThanOrEqual(141);
  });
});

describe('buildBacklinks', () => {
  const notes = [
    note(
      'welcome',
      'Begin with [DNS](/notes/dns/), then [caching](/notes/caching/). Again [DNS](/notes/dns/#x).',
    ),
    note(
      'dns',
      'Answers are cached; see [load balancers](/notes/load-balancers/). Myself: [DNS](/notes/dns/).',
    ),
    note('caching', 'Expire entries as [DNS](/notes/dns/#caching-answers) does. [Gone](/notes/missing/).'),
    note('load-balancers', 'No links.'),
  ];

  it('lists each linking note once, in the given order, with its sentence', () => {
    const backlinks = buildBacklinks(notes);
    expect(backlinks.get('dns')).toEqual([
      { from: 'welcome', title: 'welcome', before: 'Begin with ', text: 'DNS', after: ', then caching.' },
      { from: 'caching', title: 'caching', before: 'Expire entries as ', text: 'DNS', after: ' does.' },
    ]);
    expect(backlinks.get('load-balancers')?.map((b) => b.from)).toEqual(['dns']);
    expect(backlinks.get('caching')?.map((b) => b.from)).toEqual(['welcome']);
  });

  it('leaves out links to itself and to notes that do not exist', () => {
    const backlinks = buildBacklinks(notes);
    expect(backlinks.get('dns')?.some((b) => b.from === 'dns')).toBe(false);
    expect(backlinks.has('missing')).toBe(false);
    expect(backlinks.has('welcome')).toBe(false);
  });

  it('takes links from any finder (wikilinks), by offsets into the body', () => {
    const body = 'Read [[DNS]] first.';
    const start = body.indexOf('[[');
    const backlinks = buildBacklinks([note('a', body), note('dns', '')], (n) =>
      n.data.slug === 'a' ? [{ start, end: start + 7, text: 'DNS', target: 'dns' }] : [],
    );
    expect(backlinks.get('dns')).toEqual([
      { from: 'a', title: 'a', before: 'Read ', text: 'DNS', after: ' first.' },
    ]);
  });

  it('copes with a note without a body', () => {
    expect(buildBacklinks([{ data: { slug: 'x', title: 'X' } }]).size).toBe(0);
  });

  it('is linear: 500 notes with 5 links each in well under a second', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      note(
        `n-${i}`,
        Array.from(
          { length: 5 },
          (_, k) => `Sentence ${k} about [n${(i + k + 1) % 500}](/notes/n-${(i + k + 1) % 500}/).`,
        ).join(' '),
      ),
    );
    const started = performance.now();
    const backlinks = buildBacklinks(many);
    expect(backlinks.get('n-0')).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('relatedByTags', () => {
  const notes = [
    note('a', '', ['caching', 'dns', 'everywhere']),
    note('b', '', ['dns', 'everywhere']),
    note('c', '', ['caching', 'everywhere']),
    note('d', '', ['caching', 'dns', 'everywhere']),
    note('e', '', ['everywhere']),
  ];

  it('ranks notes by shared tags, rarer tags counting more, never the note itself', () => {
    const related = relatedByTags(notes);
    expect(related.get('a')?.map((n) => n.data.slug)).toEqual(['d', 'b', 'c']);
    expect(related.get('b')?.map((n) => n.data.slug)).toEqual(['a', 'd']);
  });

  it('ignores a tag every note has', () => {
    expect(relatedByTags(notes).get('e')).toEqual([]);
  });

  it('keeps at most `limit`, ties in the given order', () => {
    expect(
      relatedByTags(notes, 1)
        .get('a')
        ?.map((n) => n.data.slug),
    ).toEqual(['d']);
    const twins = [note('x', '', ['t']), note('y', '', ['t']), note('z', '', ['t'])];
    // Two notes only: a shared tag still relates them.
    expect(
      relatedByTags(twins.slice(0, 2))
        .get('x')
        ?.map((n) => n.data.slug),
    ).toEqual(['y']);
  });
});
