/**
 * Cards derived from the five real notes in content/notes: exact counts pinned per note and per
 * pattern, so a change to the notes or to a rule shows up as a reviewed diff here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allCardsDeck,
  allDecks,
  cardIdPart,
  deriveDecks,
  duplicateCardIds,
  handDeck,
  noteCards,
} from '../../../src/domain/flashcards/derive.ts';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import { checkDeckFile, checkDeckFiles } from '../../../src/domain/flashcards/gate.ts';
import { noteDefinitions, termOf } from '../../../src/domain/notes/definitions.ts';
import { distinctParts, noteTables, tableClaims } from '../../../src/domain/notes/tables.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';
import type { DeckFile } from '../../../src/schemas/deck.ts';

const content = await gateContent();
const notes = content.notes.map((n) => ({
  slug: n.data.slug,
  title: n.data.title,
  order: n.data.order,
  body: n.body,
  tags: n.data.tags,
}));
const note = (slug: string) => notes.find((n) => n.slug === slug) as (typeof notes)[number];

describe('table parser on the five notes', () => {
  it('finds every table with its shape and heading', () => {
    const shapes = Object.fromEntries(
      notes.map((n) => [
        n.slug,
        noteTables(n.slug, n.body).map((t) => `${t.shape}@${t.headings.at(-1)?.id}`),
      ]),
    );
    expect(shapes).toEqual({
      'architecture-paradigms': [
        'matrix@comparison',
        'lookup@state-externalization-strategies',
        'entity@deployment-models',
        'matrix@comparison-matrix',
        'category@when-to-mix',
      ],
      'serverless-architecture': [
        'entity@real-world-applications',
        'matrix@comparison-with-related-patterns',
      ],
      'stateful-vs-stateless-architecture': ['matrix@key-characteristics', 'matrix@summary-table'],
      'stateless-vs-stateful-architecture': ['matrix@key-differences'],
      'stateless-vs-stateful-systems': [
        'lookup@characteristics',
        'lookup@characteristics-1',
        'matrix@-comparison',
      ],
    });
  });

  it('turns cells into claims: aspect × option × value, with note and heading', () => {
    const tables = notes.flatMap((n) => noteTables(n.slug, n.body));
    const claims = tables.flatMap(tableClaims);
    expect(tables).toHaveLength(13);
    expect(claims).toHaveLength(143);
    const lb = claims.find(
      (c) => c.note === 'architecture-paradigms' && c.aspect === 'Load balancing' && c.option === 'Stateless',
    );
    expect(lb).toMatchObject({
      value: 'Round-robin works',
      shape: 'matrix',
      options: ['Stateful', 'Stateless'],
    });
    expect(lb?.headings.map((h) => h.text)).toEqual(['Stateless vs Stateful Services', 'Comparison']);
    // aspect × two sides with `:--` alignment rows (Perplexity export)
    const perplexity = noteTables('s', note('stateful-vs-stateless-architecture').body)[0];
    expect(perplexity?.header).toEqual(['Feature', 'Stateful Architecture', 'Stateless Architecture']);
    // entity tables: rows are the options
    const vms = claims.find((c) => c.option === 'VMs' && c.aspect === 'Control');
    expect(vms).toMatchObject({ value: 'Full', axis: 'Model', options: ['VMs', 'Containers', 'PaaS'] });
    // category tables: each column lists cases for one option
    const mix = claims.find((c) => c.value === 'WebSocket connections');
    expect(mix).toMatchObject({ option: 'Traditional', aspect: 'Use Traditional For', shape: 'category' });
  });

  it('skips empty cells, label-less rows and header-only tables', () => {
    const body =
      '## T\n\n| Aspect | A | B |\n|---|---|---|\n| x | 1 | |\n| | 2 | 3 |\n\n| Only | Header |\n|---|---|\n';
    const [table, ...rest] = noteTables('n', body);
    expect(rest).toEqual([]);
    expect(tableClaims(table as NonNullable<typeof table>).map((c) => c.value)).toEqual(['1']);
  });

  it('names options by what differs in category headers', () => {
    expect(distinctParts(['Use Serverless For', 'Use Traditional For'])).toEqual([
      'Serverless',
      'Traditional',
    ]);
    expect(distinctParts(['Pros', 'Cons'])).toEqual(['Pros', 'Cons']);
  });
});

describe('definitions', () => {
  it('finds bold-term, Definition-section and lead-quote definitions', () => {
    const counts = Object.fromEntries(
      notes.map((n) => {
        const defs = noteDefinitions(n.slug, n.body);
        return [n.slug, defs.map((d) => d.kind).join(',')];
      }),
    );
    expect(counts).toEqual({
      'architecture-paradigms': 'term',
      'serverless-architecture': Array(19).fill('term').join(','),
      'stateful-vs-stateless-architecture': 'term,term',
      'stateless-vs-stateful-architecture': 'section,term,term,term,term,section,term,lead,term',
      'stateless-vs-stateful-systems': 'lead,lead,term,term',
    });
    const stateless = noteDefinitions('x', note('stateless-vs-stateful-architecture').body)[0];
    expect(stateless).toMatchObject({
      term: 'Stateless Architecture',
      text: "Server doesn't store any client session data. Each request contains all information needed to process it.",
    });
    expect(stateless?.headings.at(-1)?.id).toBe('definition');
  });

  it('joins several paragraphs under one Definition heading, and ignores labels without text', () => {
    const defs = noteDefinitions(
      'n',
      '## Cache\n\n### Definition\n\nFirst.\n\nSecond.\n\n**Talking Points**:\n\n- a\n',
    );
    expect(defs).toEqual([
      expect.objectContaining({ kind: 'section', term: 'Cache', text: 'First. Second.' }),
    ]);
    const para = (md: string) => {
      const d = noteDefinitions('n', md);
      return d.map((x) => `${x.term}=${x.text}`);
    };
    expect(para('**Requirements**: skip me')).toEqual([]);
    expect(para('**Bold** without colon')).toEqual([]);
    expect(para('plain *text*: here')).toEqual([]);
    expect(termOf({ type: 'paragraph', children: [] })).toBeUndefined();
  });
});

describe('derived decks', () => {
  const { decks, merged } = deriveDecks(notes);
  const byKind = (cards: { kind: string }[]) =>
    cards.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});

  it('pins the card counts per note deck and per pattern', () => {
    expect(decks.map((d) => [d.id, d.cards.length, byKind(d.cards)])).toEqual([
      ['architecture-paradigms', 97, { term: 1, table: 45, 'table-reverse': 39, category: 12 }],
      ['stateless-vs-stateful-architecture', 41, { definition: 3, term: 6, table: 16, 'table-reverse': 16 }],
      ['stateless-vs-stateful-systems', 30, { definition: 2, term: 2, table: 17, 'table-reverse': 9 }],
      ['stateful-vs-stateless-architecture', 50, { term: 2, table: 24, 'table-reverse': 24 }],
      ['serverless-architecture', 71, { term: 19, table: 28, 'table-reverse': 24 }],
    ]);
    expect(decks.reduce((s, d) => s + d.cards.length, 0)).toBe(289);
  });

  it('merges the same fact stated in two notes into one card with both sources', () => {
    expect(merged).toEqual([
      {
        id: 'stateless-vs-stateful-systems/comparison--load-balancing--stateless',
        into: 'architecture-paradigms/comparison--load-balancing--stateless',
      },
      {
        id: 'stateless-vs-stateful-systems/comparison--load-balancing--stateless--r',
        into: 'architecture-paradigms/comparison--load-balancing--stateless--r',
      },
    ]);
    const card = decks[0]?.cards.find(
      (c) => c.id === 'architecture-paradigms/comparison--load-balancing--stateless',
    );
    expect(card).toMatchObject({
      front: 'Stateless — Load balancing?',
      back: 'Round-robin works',
      sources: ['architecture-paradigms#comparison', 'stateless-vs-stateful-systems#-comparison'],
    });
  });

  it('links the same question answered differently in other notes', () => {
    const all = decks.flatMap((d) => d.cards);
    const card = all.find((c) => c.id === 'stateless-vs-stateful-systems/comparison--scalability--stateless');
    expect(card?.related).toEqual([
      'stateful-vs-stateless-architecture/key-characteristics--scalability--stateless-architecture',
      'stateful-vs-stateless-architecture/summary-table--scalability--stateless',
    ]);
    const definition = all.find(
      (c) => c.id === 'stateless-vs-stateful-architecture/definition--stateless-architecture',
    );
    expect(definition?.related).toEqual([
      'stateless-vs-stateful-systems/stateless-systems--stateless-systems',
    ]);
  });

  it('asks the other way round only when the answer is unique', () => {
    const all = decks.flatMap((d) => d.cards);
    expect(all.find((c) => c.id.endsWith('cold-start-risk--microservices--r'))).toBeUndefined();
    expect(all.find((c) => c.id.endsWith('cold-start-risk--serverless--r'))?.front).toBe(
      'Cold start risk: “Yes” — Serverless or Microservices or Monolith?',
    );
    expect(
      all.find((c) => c.id === 'architecture-paradigms/deployment-models--control--vms--r'),
    ).toMatchObject({
      front: 'Control: “Full” — which model?',
      back: 'VMs',
    });
  });

  it('a category card answers with the option it offers, not the column heading', () => {
    const card = noteCards(note('architecture-paradigms')).find((c) =>
      c.front.startsWith('“WebSocket connections”'),
    );
    expect(card).toMatchObject({
      front: '“WebSocket connections” — Serverless or Traditional?',
      back: 'Traditional',
    });
  });

  it('keeps ids stable when an answer changes (ids come from headings and labels, not text)', () => {
    const n = note('architecture-paradigms');
    const fixed = { ...n, body: n.body.replace('Round-robin works', 'Round-robin balancing works') };
    const before = noteCards(n).map((c) => c.id);
    const after = noteCards(fixed).map((c) => c.id);
    expect(after).toEqual(before);
    expect(duplicateCardIds(decks)).toEqual([]);
  });

  it('gathers every card of every deck into the "all" deck, which no deck file may be named', () => {
    const all = allCardsDeck(decks);
    expect(all).toMatchObject({ id: 'all', title: 'All decks', origin: 'note' });
    expect(all.cards.map((c) => c.id)).toEqual(decks.flatMap((d) => d.cards.map((c) => c.id)));
    expect(all.cards).toHaveLength(289);
    expect(decks.map((d) => d.id)).not.toContain('all');
  });

  it('slugifies ids safely', () => {
    expect(cardIdPart('️-best-practice')).toBe('best-practice');
    expect(cardIdPart('Read & write')).toBe('read-and-write');
    expect(cardIdPart('***')).toBe('x');
  });
});

describe('hand-written decks', () => {
  const written = content.decks.map((d) => d.data);

  it('pass the gate, with at least 40 cards, and bring the total past 150', () => {
    expect(content.errors).toEqual([]);
    expect(written.map((d) => [d.id, d.cards.length])).toEqual([
      ['serverless-in-practice', 33],
      ['sessions-and-state', 30],
    ]);
    // As derived, before the card-quality stage (quality.test.ts pins what it does).
    const decks = allDecks(notes, written, content.index);
    const total = decks.reduce((s, d) => s + d.cards.length, 0);
    expect(total).toBe(352);
    expect(decks.at(-1)?.cards[0]).toMatchObject({ kind: 'hand', context: '2. Sticky Sessions' });
  });

  it('gives hand cards the heading of their source as context', () => {
    const deck = handDeck(written[1] as DeckFile, content.index);
    expect(deck.cards[0]).toMatchObject({
      id: 'sessions-and-state/sticky-sessions',
      context: '2. Sticky Sessions',
    });
  });
});

describe('deck gate: file + card id + field', () => {
  const check = (yaml: string, path = 'content/cards/my-deck.yaml') =>
    checkDeckFile({ path, bytes: new TextEncoder().encode(yaml) }, content.index).errors.map(
      formatContentError,
    );
  const card = (extra = '') =>
    `  - id: one\n    front: F\n    back: B\n    source: stateless-vs-stateful-architecture#2-sticky-sessions\n${extra}`;

  it('accepts a valid deck', () => {
    expect(check(`id: my-deck\ntitle: T\nsummary: S\ncards:\n${card()}`)).toEqual([]);
  });

  it('names the card and field of a schema error', () => {
    expect(
      check(`id: my-deck\ntitle: T\nsummary: S\ncards:\n  - id: one\n    front: F\n    source: x#y\n`),
    ).toEqual([
      'content/cards/my-deck.yaml:5: card "one": field "cards.0.back": the field is missing (expected string)',
    ]);
  });

  it('checks sources, duplicate ids, file name and reserved ids', () => {
    const errors = check(
      `id: all\ntitle: T\nsummary: S\ncards:\n${card()}${card().replace('2-sticky-sessions', 'sticky')}`,
    );
    expect(errors).toEqual([
      'content/cards/my-deck.yaml:1: field "id": the deck id must match the file name: expected "my-deck"; received "all"',
      'content/cards/my-deck.yaml:1: field "id": "all" is used by the site (/flashcards/all/)',
      'content/cards/my-deck.yaml:9: card "one": field "cards.1.id": duplicate id "one" (card #1 already uses it)',
      'content/cards/my-deck.yaml:12: card "one": field "cards.1.source": note "stateless-vs-stateful-architecture" has no heading with id "sticky" (did you mean "2-sticky-sessions"?)',
    ]);
    expect(
      check(
        `id: serverless-architecture\ntitle: T\nsummary: S\ncards:\n${card()}`,
        'content/cards/serverless-architecture.yaml',
      ),
    ).toEqual([
      'content/cards/serverless-architecture.yaml:1: field "id": "serverless-architecture" is the deck derived from the note of that slug; choose another id',
    ]);
  });

  it('reports YAML errors with a line', () => {
    expect(check('id: [unclosed\n')[0]).toMatch(/my-deck\.yaml:\d+: not valid YAML/);
  });

  it('keeps the committed JSON Schema reference in every deck', () => {
    for (const d of content.decks)
      expect(readFileSync(d.file, 'utf8')).toMatch(
        /^# yaml-language-server: \$schema=\.\/deck\.schema\.json/,
      );
  });
});

describe('edge cases of derivation', () => {
  it('handles notes without headings or tags, repeated rows, short rows, and no cards', () => {
    const body =
      '**Term**: text here\n\n| Aspect | A | B |\n|---|---|---|\n| x | 1 | 2 |\n| x | 1 | 2 |\n| y | 3 |\n\n| Use A For | Use B For |\n|---|---|\n| p | |\n';
    const { decks, merged } = deriveDecks([
      { slug: 'bare', title: 'Bare', order: 1, body },
      { slug: 'empty', title: 'Empty', order: 2, body: 'Just prose.' },
    ]);
    expect(decks.map((d) => d.id)).toEqual(['bare']);
    const cards = decks[0]?.cards ?? [];
    expect(cards[0]).toMatchObject({ id: 'bare/definition--term', sources: ['bare#main'], tags: [] });
    expect(cards.map((c) => c.id)).toContain('bare/table--y--a');
    expect(cards.map((c) => c.id)).toContain('bare/table--p');
    expect(merged).toHaveLength(4); // the repeated row: two forward and two reverse cards
    expect(duplicateCardIds([...decks, ...decks])).toHaveLength(cards.length);
  });

  it('leaves the context empty for a hand card whose source does not resolve (the gate reports it)', () => {
    const deck = handDeck(
      {
        id: 'd',
        title: 'D',
        summary: 'S',
        cards: [{ id: 'c', front: 'F', back: 'B', source: 'nope#x', tags: [] }],
      },
      content.index,
    );
    expect(deck.cards[0]?.context).toBe('');
  });

  it('collects valid decks and errors from several files', () => {
    const good = `id: good\ntitle: T\nsummary: S\ncards:\n  - id: a\n    front: F\n    back: B\n    source: stateless-vs-stateful-architecture#2-sticky-sessions\n`;
    const result = checkDeckFiles(
      [
        { path: 'content/cards/good.yaml', bytes: new TextEncoder().encode(good) },
        { path: 'content/cards/bad.yaml', bytes: new Uint8Array() },
      ],
      content.index,
    );
    expect(result.checked.map((d) => d.data.id)).toEqual(['good']);
    expect(result.errors.map(formatContentError)).toEqual(['content/cards/bad.yaml: the file is empty']);
  });
});
