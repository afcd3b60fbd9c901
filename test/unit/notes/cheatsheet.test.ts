import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import {
  cardBlock,
  CheatSheetError,
  extractCheatSheet,
  type HeadingRef,
  labelled,
  parseCard,
  parseMarkdown,
  relatedHeading,
  sentenceCase,
} from '../../../src/domain/notes/cheatsheet.ts';

/** Headings with ids as the note page has them (Astro slugs heading text with github-slugger). */
function headingsOf(markdown: string): HeadingRef[] {
  const slugger = new GithubSlugger();
  return parseMarkdown(markdown)
    .children.filter((n) => n.type === 'heading')
    .map((n) => ({ depth: n.depth, text: toString(n), slug: slugger.slug(toString(n)) }));
}

const note = (slug: string) => {
  const body = readFileSync(`content/notes/${slug}.mdx`, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  return extractCheatSheet(body, headingsOf(body));
};

describe('cheat sheets from the five notes', () => {
  it('seed 000: the box-drawn quick reference card becomes groups linked to their sections', () => {
    const [card, ...rest] = note('architecture-paradigms');
    expect(rest).toEqual([]);
    expect(card?.title).toBe('Quick Reference Card');
    expect(card?.groups.map((g) => [g.title, g.anchor])).toEqual([
      ['Stateless design', 'stateless-design-pattern'],
      ['Stateful design', 'quick-reference-card'],
      ['Serverless', 'serverless-architecture'],
      ['Traditional', 'traditional-architecture'],
      ['Decision heuristic', 'quick-reference-card'],
    ]);
    expect(card?.groups[0]?.blocks[0]).toEqual({
      kind: 'list',
      ordered: false,
      items: [
        { inline: [{ text: 'No server-side session state' }], children: [] },
        { inline: [{ text: 'Any instance can handle any request' }], children: [] },
        {
          inline: [{ text: 'Externalize state:', strong: true }, { text: ' Redis, S3, DynamoDB' }],
          children: [],
        },
        {
          inline: [
            { text: 'Benefits:', strong: true },
            { text: ' Easy scaling, deployment, failure recovery' },
          ],
          children: [],
        },
      ],
    });
    const rules = card?.groups[4]?.blocks[0];
    expect(rules?.kind).toBe('rules');
    expect(rules?.kind === 'rules' && rules.rows[0]).toEqual({ when: 'Spiky traffic?', then: 'Serverless' });
    expect(rules?.kind === 'rules' && rules.rows).toHaveLength(6);
  });

  it('seed 001: decision guide groups and quick rules with their nested list', () => {
    const [guide, rules] = note('stateless-vs-stateful-architecture');
    expect(guide?.groups.map((g) => [g.title, g.anchor])).toEqual([
      ['Choose Stateless When', 'choose-stateless-when'],
      ['Choose Stateful When', 'choose-stateful-when'],
      ['Warning Signs You Need Stateless', 'warning-signs-you-need-stateless'],
    ]);
    expect(rules?.anchor).toBe('quick-rules');
    const [lead, list, after] = rules?.groups[0]?.blocks ?? [];
    expect(lead).toEqual({
      kind: 'text',
      inline: [{ text: 'If you can make it stateless, make it stateless' }],
    });
    expect(list?.kind === 'list' && list.ordered).toBe(true);
    expect(list?.kind === 'list' && list.items[3]?.children.map((c) => c.inline[0]?.text)).toEqual([
      'Real-time connection required',
      'Performance absolutely critical',
      'Scale requirements are known and limited',
    ]);
    expect(after).toEqual({
      kind: 'text',
      inline: [
        { text: 'Modern best practice:', strong: true },
        { text: ' Stateless application tier + Stateful data tier' },
      ],
    });
  });

  it('seeds 002 and 004: key takeaways, bold kept', () => {
    const [systems] = note('stateless-vs-stateful-systems');
    expect(systems?.anchor).toBe('-key-takeaways');
    const list = systems?.groups[0]?.blocks[0];
    expect(list?.kind === 'list' && list.items).toHaveLength(5);
    expect(list?.kind === 'list' && list.items[0]?.inline[0]).toEqual({
      text: 'Stateless systems',
      strong: true,
    });
    const [serverless] = note('serverless-architecture');
    const takeaways = serverless?.groups[0]?.blocks[0];
    expect(takeaways?.kind === 'list' && takeaways.items[0]?.inline[0]?.text).toMatch(
      /^Design for idempotency\. Functions may be invoked multiple times for the same event\./,
    );
  });

  it('seed 003: the summary table, as a table', () => {
    const [summary] = note('stateful-vs-stateless-architecture');
    const table = summary?.groups[0]?.blocks[0];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.head.map((c) => c[0]?.text)).toEqual(['Aspect', 'Stateful', 'Stateless']);
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0]?.map((c) => c[0]?.text)).toEqual(['Scalability', 'Challenging', 'Easy']);
  });
});

describe('extraction rules', () => {
  it('a cheat-sheet heading missing from the page is an error, not a broken link', () => {
    expect(() => extractCheatSheet('## Key Takeaways\n\n- a\n', [])).toThrow(CheatSheetError);
  });

  it('a note without summary sections has no cheat sheet; an empty section is dropped', () => {
    const md = '## Overview\n\ntext\n\n## Key takeaways\n\n---\n\n## Next\n\n- x\n';
    expect(extractCheatSheet(md, headingsOf(md))).toEqual([]);
  });

  it('keeps inline code, emphasis, link text and line breaks; skips other blocks', () => {
    const md =
      '## Quick rules\n\n- Use `JWT` *tokens*, see [docs](https://x)\\\n  next\n\n```js\nx\n```\n\n<div>html</div>\n';
    const [section] = extractCheatSheet(md, headingsOf(md));
    expect(section?.groups[0]?.blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          {
            inline: [
              { text: 'Use ' },
              { text: 'JWT', code: true },
              { text: ' ' },
              { text: 'tokens', em: true },
              { text: ', see docs next' },
            ],
            children: [],
          },
        ],
      },
    ]);
  });

  it('a subheading the page lacks links to the section; a quote holding a list keeps it', () => {
    const md = '## Decision guide\n\n### Pick A\n\n> - one\n> - two\n';
    const headings = headingsOf(md).slice(0, 1);
    const [section] = extractCheatSheet(md, headings);
    expect(section?.groups).toEqual([
      {
        title: 'Pick A',
        anchor: 'decision-guide',
        blocks: [
          {
            kind: 'list',
            ordered: false,
            items: [
              { inline: [{ text: 'one' }], children: [] },
              { inline: [{ text: 'two' }], children: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('a list item of two paragraphs reads as one line', () => {
    const md = '## Key takeaways\n\n1. First.\n\n   More.\n';
    const [section] = extractCheatSheet(md, headingsOf(md));
    const list = section?.groups[0]?.blocks[0];
    expect(list?.kind === 'list' && list.items[0]?.inline).toEqual([{ text: 'First. More.' }]);
  });
});

describe('box-drawn cards', () => {
  it('reads title, groups and items; a line without a bullet continues the item', () => {
    const card = [
      '┌──┐',
      '│ MY CARD │',
      '├──┤',
      '│ RULES: │',
      '│ • one │',
      '│   and more │',
      '│ • two │',
      '│ EMPTY: │',
      '└──┘',
    ].join('\n');
    expect(parseCard(card)).toEqual({
      title: 'MY CARD',
      groups: [{ title: 'RULES', items: ['one and more', 'two'] }],
    });
  });

  it('stray text before any group with a title already set is ignored', () => {
    expect(parseCard('│ T │\n│ more │\n│ G: │\n│ - x │')).toEqual({
      title: 'T',
      groups: [{ title: 'G', items: ['x'] }],
    });
  });

  it('rules only when every item is "if → then"', () => {
    expect(cardBlock(['a -> b', 'c → d'])).toEqual({
      kind: 'rules',
      rows: [
        { when: 'a', then: 'b' },
        { when: 'c', then: 'd' },
      ],
    });
    expect(cardBlock(['a → b', 'plain']).kind).toBe('list');
  });

  it('labels, case and related headings', () => {
    expect(labelled('Use for: gaming')).toEqual([{ text: 'Use for:', strong: true }, { text: ' gaming' }]);
    expect(labelled('no label here')).toEqual([{ text: 'no label here' }]);
    expect(sentenceCase('DECISION HEURISTIC')).toBe('Decision heuristic');
    const headings = [{ depth: 2, slug: 'x', text: 'Serverless Architecture' }];
    expect(relatedHeading('SERVERLESS', headings)?.slug).toBe('x');
    expect(relatedHeading('—', headings)).toBeUndefined();
  });
});
