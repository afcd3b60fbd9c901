import { describe, expect, it } from 'vitest';
import { checkCompareContent, describeDisagreement } from '../../../src/domain/compare/gate.ts';
import {
  comparisonClaims,
  findDisagreements,
  notesClaims,
  vocabularyLookup,
} from '../../../src/domain/compare/matrix.ts';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import { anchorIndex } from '../../../src/domain/notes/anchors.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';

const sources = [
  {
    slug: 'a',
    title: 'Note A',
    body: `## Key differences

| Aspect | Stateless | Stateful |
|---|---|---|
| Complexity | Moderate | Low(initially) |
| Latency | Higher | Lower |
`,
  },
  {
    slug: 'b',
    title: 'Note B',
    body: `## Overview

Serverless can be **stateful** with external state.

## Traits

| Feature | Stateful Architecture | Stateless |
|---|---|---|
| Complexity | More complex | Simpler |
`,
  },
];
const notes = sources.map((n) => ({
  file: `content/notes/${n.slug}.md`,
  data: n,
  body: n.body,
  bodyLine: 5,
}));
const index = anchorIndex(notes);

const VOCABULARY = `aspects:
  - id: complexity
    label: Complexity
    aliases: [Complexity]
    effort: same
  - id: latency
    label: Latency
    aliases: [Latency]
options:
  - id: stateful
    label: Stateful
    aliases: [Stateful, Stateful Architecture]
  - id: stateless
    label: Stateless
    aliases: [Stateless]
`;

const RESOLVED = `id: pair
title: Stateful vs stateless
summary: The pair.
options: [stateful, stateless]
disagreements:
  - id: complexity
    aspect: complexity
    title: Simple or complex?
    claims:
      - source: a#key-differences
        option: stateful
        value: Low(initially)
      - source: b#traits
        option: stateful
        value: More complex
      - source: b#overview
        quote: Serverless can be stateful with external state
    resolution: Simple to start, complex to scale.
`;

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const check = (pair: string, vocabulary: string | null = VOCABULARY) =>
  checkCompareContent(
    [
      ...(vocabulary === null ? [] : [file('content/compare/vocabulary.yaml', vocabulary)]),
      file('content/compare/pair.yaml', pair),
    ],
    notes,
    index,
  );
const messages = (result: ReturnType<typeof check>) => result.errors.map(formatContentError);

describe('the comparison content gate', () => {
  it('accepts a comparison whose resolutions still match the notes', () => {
    const result = check(RESOLVED);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.comparisons.map((c) => c.id)).toEqual(['pair']);
    expect(result.vocabulary?.aspects).toHaveLength(2);
  });

  it('has nothing to check without comparison files', () => {
    expect(checkCompareContent([], notes, index)).toEqual({ comparisons: [], errors: [], warnings: [] });
  });

  it('needs the vocabulary beside the comparisons', () => {
    expect(messages(check(RESOLVED, null))).toEqual([
      'content/compare/pair.yaml: comparisons need vocabulary.yaml beside them (the aspect and option synonyms)',
    ]);
  });

  it('names file, line and field for a vocabulary that fails its schema', () => {
    const [message] = messages(check(RESOLVED, VOCABULARY.replace('    aliases: [Latency]\n', '')));
    expect(message).toMatch(
      /^content\/compare\/vocabulary\.yaml:6: aspect "latency": field "aspects\.1\.aliases"/,
    );
  });

  it('refuses a label listed for two aspects, and a repeated id', () => {
    const twice = VOCABULARY.replace('aliases: [Latency]', 'aliases: [Latency, complexity]').replace(
      '  - id: stateless',
      '  - id: stateful',
    );
    expect(messages(check(RESOLVED, twice))).toEqual([
      'content/compare/vocabulary.yaml:8: aspect "latency" alias #2: field "aspects.1.aliases.1": "complexity" is already an alias of "complexity": a label can mean only one thing',
      'content/compare/vocabulary.yaml:13: option "stateful": field "options.1.id": duplicate id "stateful" (option #1 already uses it)',
    ]);
  });

  it('checks the file name, the options and the aspects against the vocabulary', () => {
    const bad = RESOLVED.replace('id: pair', 'id: other')
      .replace('options: [stateful, stateless]', 'options: [stateful, stateful, serverless]')
      .replace('    aspect: complexity', '    aspect: cost');
    expect(messages(check(bad))).toEqual([
      'content/compare/pair.yaml:1: field "id": the comparison id must match the file name: expected "pair"; received "other"',
      'content/compare/pair.yaml:4: option #2: field "options.1": "stateful" is listed twice',
      'content/compare/pair.yaml:4: option #3: field "options.2": "serverless" is not an option of vocabulary.yaml (options: stateful, stateless)',
      'content/compare/pair.yaml:7: disagreement "complexity": field "disagreements.0.aspect": "cost" is not an aspect of vocabulary.yaml',
    ]);
  });

  it('flags a stale resolution when a note changed the cell it quotes', () => {
    const edited = RESOLVED.replace('value: More complex', 'value: Very complex');
    expect(messages(check(edited))).toEqual([
      'content/compare/pair.yaml:15: disagreement "complexity" claim #2: field "disagreements.0.claims.1.value": no table in b#traits says "Very complex" for stateful (it says: Complexity "More complex"): the note changed, so re-read the resolution and update it',
    ]);
  });

  it('flags a quote the section no longer contains, a missing heading and a foreign option', () => {
    const edited = RESOLVED.replace(
      'quote: Serverless can be stateful',
      'quote: Serverless is always stateful',
    )
      .replace('source: a#key-differences', 'source: a#key-difference')
      .replace(
        '        option: stateful\n        value: More complex',
        '        option: serverless\n        value: More complex',
      );
    const found = messages(check(edited));
    expect(found).toHaveLength(3);
    expect(found[0]).toContain(
      'field "disagreements.0.claims.0.source": note "a" has no heading with id "key-difference"',
    );
    expect(found[1]).toContain(
      'field "disagreements.0.claims.1.option": "serverless" is not one of this comparison\'s options',
    );
    expect(found[2]).toContain(
      'field "disagreements.0.claims.2.quote": the section b#overview no longer says',
    );
  });

  it('reports schema errors of a comparison file, and a claim that is neither a cell nor a quote', () => {
    const bad = RESOLVED.replace(
      '      - source: b#overview\n        quote:',
      '      - source: b#overview\n        value:',
    );
    expect(messages(check(bad)).join('\n')).toContain('a table cell needs both option and value');
    const both = RESOLVED.replace(
      '        quote: Serverless',
      '        option: stateful\n        quote: Serverless',
    );
    expect(messages(check(both)).join('\n')).toContain(
      'give either option + value (a table cell) or quote (prose)',
    );
  });

  it('warns about a disagreement no resolution covers, naming both sides', () => {
    const unresolved = RESOLVED.replace(/disagreements:[\s\S]*$/, 'disagreements: []\n');
    const result = check(unresolved);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatContentError)).toEqual([
      'content/compare/pair.yaml: unresolved disagreement on complexity: stateful above stateless in b#traits ("More complex" vs "Simpler"); below in a#key-differences ("Low(initially)" vs "Moderate")',
    ]);
  });
});

describe('the shipped comparisons', async () => {
  const content = await gateContent();

  it('pass the gate, with every disagreement the notes contain resolved', () => {
    expect(content.errors).toEqual([]);
    expect(content.warnings).toEqual([]);
    expect(content.compare.comparisons.map((c) => c.id).sort()).toEqual([
      'serverless-vs-traditional',
      'stateful-vs-stateless',
    ]);
  });

  it('find the complexity disagreement between seed 001 and seed 003', () => {
    const vocabulary = content.compare.vocabulary!;
    const all = notesClaims(
      content.notes.map((n) => ({ slug: n.data.slug, title: n.data.title, body: n.body })),
      vocabularyLookup(vocabulary),
    );
    const pair = content.compare.comparisons.find((c) => c.id === 'stateful-vs-stateless')!;
    const found = findDisagreements(comparisonClaims(all, pair).claims, vocabulary, pair.options);
    expect(found.map(describeDisagreement)).toEqual([
      'complexity: stateful above stateless in stateful-vs-stateless-architecture#key-characteristics ("More complex (state management required)" vs "Simpler (no state management)"), stateful-vs-stateless-architecture#summary-table ("Higher" vs "Lower"); below in stateless-vs-stateful-architecture#key-differences ("Low(initially)" vs "Moderate")',
    ]);
  });
});
