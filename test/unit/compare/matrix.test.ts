import { describe, expect, it } from 'vitest';
import {
  type MatrixClaim,
  compareCells,
  comparisonClaims,
  findDisagreements,
  matchClaim,
  mergeMatrix,
  notesClaims,
  rankOf,
  resolutionFor,
  rowOrders,
  sectionTexts,
  staleClaim,
  tableMatrixClaims,
  vocabularyLookup,
} from '../../../src/domain/compare/matrix.ts';
import { noteTables } from '../../../src/domain/notes/tables.ts';
import type { Resolution, Vocabulary } from '../../../src/schemas/compare.ts';
import { normalise } from '../../../src/domain/content/text.ts';

const vocab: Vocabulary = {
  aspects: [
    {
      id: 'scaling',
      label: 'Scaling',
      aliases: ['Scaling', 'Scalability', 'Horizontal Scaling'],
      effort: 'inverse',
    },
    { id: 'failure-handling', label: 'Failure handling', aliases: ['Fault Tolerance'], effort: 'inverse' },
    { id: 'complexity', label: 'Complexity', aliases: ['Complexity'], effort: 'same' },
    { id: 'latency', label: 'Latency', aliases: ['Latency'] },
    { id: 'testing', label: 'Testing', aliases: ['Testing'] },
  ],
  options: [
    { id: 'stateful', label: 'Stateful', aliases: ['Stateful', 'Stateful Architecture', 'Stateful Systems'] },
    { id: 'stateless', label: 'Stateless', aliases: ['Stateless', 'Stateless Systems'] },
    { id: 'serverless', label: 'Serverless', aliases: ['Serverless'] },
  ],
};
const lookup = vocabularyLookup(vocab);

const noteA = {
  slug: 'a',
  title: 'Note A',
  body: `## Key differences

| Aspect | Stateless | Stateful |
|---|---|---|
| Horizontal Scaling | Easy | Difficult |
| Complexity | Moderate | Low(initially) |
| Latency | Slightly higher | Lower |
| Caching | Shared | Local |
`,
};
const noteB = {
  slug: 'b',
  title: 'Note B',
  body: `# B

Intro: **Serverless can be stateful** (with external state).

## Traits

| Feature | Stateful Architecture | Stateless |
|---|---|---|
| Complexity | More complex (state management required) | Simpler |
| Fault Tolerance | Harder | Easier |

## Stateless Systems

### Characteristics

| Aspect | Benefit |
|---|---|
| Testing | Same input = same output |

## Other

| State Type | Solution |
|---|---|
| Sessions | Redis |
`,
};

describe('vocabulary', () => {
  it('matches labels without case, punctuation or spacing', () => {
    expect(normalise('  Fault-Tolerance ')).toBe('fault tolerance');
    expect(lookup.aspect('horizontal   scaling')?.id).toBe('scaling');
    expect(lookup.aspect('scaling')?.id).toBe('scaling');
    expect(lookup.option('Stateful architecture')?.id).toBe('stateful');
    expect(lookup.option('Monolith')).toBeUndefined();
  });
});

describe('table claims in a comparison', () => {
  it('places matrix cells by aspect and option, keeping the note’s own labels', () => {
    const [table] = noteTables('b', noteB.body);
    const claims = tableMatrixClaims(table!, lookup);
    expect(claims[0]).toMatchObject({
      note: 'b',
      source: 'b#traits',
      heading: 'Traits',
      aspect: 'complexity',
      option: 'stateful',
      optionLabel: 'Stateful Architecture',
      value: 'More complex (state management required)',
    });
    expect(claims).toHaveLength(4);
  });

  it('gives a one-value table the option its heading names, with the value header as qualifier', () => {
    const tables = noteTables('b', noteB.body);
    expect(tableMatrixClaims(tables[1]!, lookup)).toEqual([
      expect.objectContaining({
        aspect: 'testing',
        option: 'stateless',
        optionLabel: 'Stateless',
        qualifier: 'Benefit',
        value: 'Same input = same output',
        source: 'b#characteristics',
      }),
    ]);
    // No heading names an option: the table speaks for nothing.
    expect(tableMatrixClaims(tables[2]!, lookup)).toEqual([]);
  });

  it('keeps an aspect the vocabulary lacks as its own key', () => {
    const [table] = noteTables('a', noteA.body);
    const caching = tableMatrixClaims(table!, lookup).filter((c) => c.aspectLabel === 'Caching');
    expect(caching.map((c) => c.aspect)).toEqual(['caching', 'caching']);
  });

  it('uses tables that set two options side by side or one under its heading, and lists the rest', () => {
    const all = notesClaims([noteA, noteB], lookup);
    const { claims, used, unused } = comparisonClaims(all, { options: ['stateful', 'stateless'] });
    expect(used.map((t) => `${t.note}#${t.index}`)).toEqual(['a#0', 'b#0', 'b#1']);
    expect(unused.map((t) => `${t.note}#${t.index}`)).toEqual(['b#2']);
    expect(claims).toHaveLength(8 + 4 + 1);
    // A comparison of options no table has uses nothing.
    expect(comparisonClaims(all, { options: ['serverless', 'stateful'] }).used).toEqual([]);
  });

  it('merges rows by aspect in vocabulary order, unknown aspects last, one cell per option', () => {
    const all = notesClaims([noteA, noteB], lookup);
    const { claims } = comparisonClaims(all, { options: ['stateful', 'stateless'] });
    const rows = mergeMatrix(claims, vocab, ['stateful', 'stateless']);
    expect(rows.map((r) => r.aspect)).toEqual([
      'scaling',
      'failure-handling',
      'complexity',
      'latency',
      'testing',
      'caching',
    ]);
    const complexity = rows.find((r) => r.aspect === 'complexity')!;
    expect(complexity.label).toBe('Complexity');
    expect(complexity.cells.stateful!.map((c) => c.value)).toEqual([
      'Low(initially)',
      'More complex (state management required)',
    ]);
    expect(rows.find((r) => r.aspect === 'caching')!.label).toBe('Caching');
    expect(rows.find((r) => r.aspect === 'testing')!.cells.stateful).toEqual([]);
  });
});

describe('ranking words', () => {
  it('reads effort and amount words, the first of each kind counting', () => {
    expect(rankOf('More complex (state management required)')).toEqual({ effort: 3, amount: 4 });
    expect(rankOf('Low(initially)')).toEqual({ amount: 2 });
    expect(rankOf('Moderate')).toEqual({ effort: 2, amount: 3 });
    expect(rankOf('Round-robin works')).toEqual({});
  });

  it('compares two cells on the first scale both have a word for', () => {
    expect(compareCells('Harder', 'Easier')).toEqual({ scale: 'effort', sign: 1 });
    expect(compareCells('Low(initially)', 'Moderate')).toEqual({ scale: 'amount', sign: -1 });
    expect(compareCells('Higher', 'Lower')).toEqual({ scale: 'amount', sign: 1 });
    expect(compareCells('Easy', 'Simple')).toBeUndefined();
    expect(compareCells('Easy', 'Higher')).toBeUndefined();
    expect(compareCells('Sticky sessions', 'Round-robin')).toBeUndefined();
  });
});

describe('disagreements', () => {
  const all = notesClaims([noteA, noteB], lookup);
  const { claims } = comparisonClaims(all, { options: ['stateful', 'stateless'] });

  it('orders each row’s options, putting effort words on the amount scale as the vocabulary says', () => {
    const orders = rowOrders(claims, vocab, ['stateful', 'stateless']);
    const brief = orders.map((o) => `${o.aspect}:${o.first.option}${o.sign > 0 ? '>' : '<'}:${o.scale}`);
    expect(brief).toEqual([
      // "Difficult" vs "Easy" to scale: less scalable (inverse).
      'scaling:stateful<:amount',
      'complexity:stateful<:amount',
      'latency:stateful<:amount',
      'complexity:stateful>:amount',
      'failure-handling:stateful<:amount',
    ]);
  });

  it('keeps effort words apart when the vocabulary does not relate them to amounts', () => {
    const plain: Vocabulary = { ...vocab, aspects: vocab.aspects.map(({ effort: _, ...a }) => a) };
    const orders = rowOrders(claims, plain, ['stateful', 'stateless']);
    expect(orders.find((o) => o.aspect === 'scaling')).toMatchObject({ scale: 'effort', sign: 1 });
  });

  it('finds rows that rank two options opposite ways on one aspect', () => {
    const found = findDisagreements(claims, vocab, ['stateful', 'stateless']);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ aspect: 'complexity', options: ['stateful', 'stateless'], scale: 'amount' });
    expect(d!.above.map((o) => o.first.value)).toEqual(['More complex (state management required)']);
    expect(d!.below.map((o) => o.first.value)).toEqual(['Low(initially)']);
  });

  it('counts a resolution only when it cites a claim of each side, on the same aspect', () => {
    const [d] = findDisagreements(claims, vocab, ['stateful', 'stateless']);
    const resolution = (aspect: string, values: string[]): Resolution => ({
      id: 'r',
      aspect,
      title: 't',
      resolution: 'r',
      claims: values.map((value) => ({
        source: value === 'Low(initially)' ? 'a#key-differences' : 'b#traits',
        option: 'stateful',
        value,
      })),
    });
    const both = resolution('complexity', ['Low(initially)', 'More complex (state management required)']);
    expect(resolutionFor(d!, [both])).toBe(both);
    expect(
      resolutionFor(d!, [resolution('complexity', ['Low(initially)', 'Low(initially)'])]),
    ).toBeUndefined();
    expect(
      resolutionFor(d!, [
        resolution('latency', ['Low(initially)', 'More complex (state management required)']),
      ]),
    ).toBeUndefined();
  });
});

describe('resolution claims against the notes', () => {
  const all = notesClaims([noteA, noteB], lookup);
  const { claims } = comparisonClaims(all, { options: ['stateful', 'stateless'] });
  const sections = new Map([
    ['a', sectionTexts(noteA.body)],
    ['b', sectionTexts(noteB.body)],
  ]);

  it('collects each section’s prose with its subsections, Markdown marks dropped', () => {
    const b = sectionTexts(noteB.body);
    expect(b.get('b')).toContain('Intro: Serverless can be stateful (with external state).');
    expect(b.get('stateless-systems')).toContain('Same input = same output');
    expect(b.get('characteristics')).toContain('Benefit');
    expect(b.get('traits')).not.toContain('Same input');
  });

  it('accepts a cell the note still has (ignoring case and spacing) and a quote its section contains', () => {
    const cell = {
      source: 'b#traits',
      option: 'stateful',
      value: 'more complex (state  management required)',
    };
    expect(matchClaim(cell, claims)?.value).toBe('More complex (state management required)');
    expect(staleClaim(cell, claims, sections)).toBeUndefined();
    expect(
      staleClaim({ source: 'b#b', quote: 'serverless can  be stateful' }, claims, sections),
    ).toBeUndefined();
  });

  it('says what the note says now when a cell changed', () => {
    const message = staleClaim({ source: 'b#traits', option: 'stateful', value: 'Low' }, claims, sections);
    expect(message).toContain('no table in b#traits says "Low" for stateful');
    expect(message).toContain('Complexity "More complex (state management required)"');
    expect(message).toContain('Fault Tolerance "Harder"');
    // Knowing the aspect, only what the note now says on it is named.
    expect(
      staleClaim({ source: 'b#traits', option: 'stateful', value: 'Low' }, claims, sections, 'complexity'),
    ).toBe(
      'no table in b#traits says "Low" for stateful (it says: Complexity "More complex (state management required)"): the note changed, so re-read the resolution and update it',
    );
  });

  it('flags a cell in a section without that option, and a quote the section lost', () => {
    expect(
      staleClaim({ source: 'b#characteristics', option: 'stateful', value: 'x' }, claims, sections),
    ).toContain('no table there has that option');
    expect(staleClaim({ source: 'b#traits', quote: 'never said' }, claims, sections)).toContain(
      'no longer says "never said"',
    );
    expect(staleClaim({ source: 'zz#nothing', quote: 'x' }, claims, sections)).toContain('no longer says');
  });
});

describe('a claim list from the real shape', () => {
  it('keeps every field a page needs', () => {
    const all = notesClaims([noteA], lookup);
    const claim: MatrixClaim | undefined = all.claims[0];
    expect(Object.keys(claim ?? {}).sort()).toEqual(
      [
        'aspect',
        'aspectLabel',
        'heading',
        'note',
        'option',
        'optionLabel',
        'row',
        'source',
        'table',
        'value',
      ].sort(),
    );
  });
});
