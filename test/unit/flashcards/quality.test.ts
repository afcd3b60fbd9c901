/**
 * The card-quality stage: each rule on small notes shaped like the real ones, then the counts on
 * the five real notes (pinned, so a rule change shows up as a reviewed diff).
 */
import { describe, expect, it } from 'vitest';
import { cardIdAliases, resolveCardId } from '../../../src/domain/flashcards/aliases.ts';
import { buildDecks } from '../../../src/domain/flashcards/build.ts';
import { deriveDecks } from '../../../src/domain/flashcards/derive.ts';
import {
  givesAway,
  improveDecks,
  isGeneric,
  summarizeHits,
  tellIn,
} from '../../../src/domain/flashcards/quality.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';
import type { FlashcardProgress } from '../../../src/schemas/progress.ts';

const note = (slug: string, order: number, body: string) => ({ slug, title: `Note ${slug}`, order, body });

const paradigms = note(
  'paradigms',
  10,
  `## Core Mental Model

**Key Insight**: These paradigms are orthogonal. Serverless can be stateful (with external state).

## Stateless vs Stateful Services

### Comparison

| Aspect | Stateful | Stateless |
|--------|----------|-----------|
| **Scaling** | Complex (session affinity) | Simple (any instance) |
| **Memory usage** | Higher (holds state) | Lower |
| **Complexity** | Low(initially) | Moderate |
`,
);

const summary = note(
  'summary',
  20,
  `## Where State Lives

- **Database:** Session store
- **Client-side:** JWT tokens, cookies

## Summary Table

| Aspect | Stateful | Stateless |
| :-- | :-- | :-- |
| Scalability | Challenging | Easy |
| Complexity | Higher | Lower |
`,
);

const derived = deriveDecks([paradigms, summary]).decks;
const aspects: Record<string, string> = {
  scaling: 'scaling',
  scalability: 'scaling',
  complexity: 'complexity',
};
const options = {
  aspectOf: (label: string) => aspects[label.toLowerCase()],
  noteTitles: { paradigms: 'Architecture Paradigms', summary: 'Summary note' },
  disagreements: [
    {
      href: '/compare/stateful-vs-stateless/#complexity',
      title: 'Is stateful the simple option or the complex one?',
      aspect: 'complexity',
      claims: [
        { source: 'paradigms#comparison', option: 'stateful', value: 'Low(initially)' },
        { source: 'summary#summary-table', option: 'stateful', value: 'Higher' },
      ],
    },
  ],
};
const result = improveDecks(derived, options);
const cards = result.decks.flatMap((d) => d.cards);
const byId = (id: string) => cards.find((c) => c.id === id);
const hits = (rule: string) => result.hits.filter((h) => h.rule === rule);

describe('givesAway', () => {
  it('sees the answer, its stem, or the distinction both options share', () => {
    expect(
      givesAway('Optimized for stateless, parallel processing', 'Stateless', ['Stateful', 'Stateless']),
    ).toBe(true);
    expect(givesAway('Higher (holds state)', 'Stateful', ['Stateful', 'Stateless'])).toBe(true);
    expect(givesAway('No state to lose', 'Stateless', ['Stateful', 'Stateless'])).toBe(true);
    expect(givesAway('Per service', 'Microservices', ['Serverless', 'Microservices', 'Monolith'])).toBe(true);
  });
  it('lets a prompt that names neither side through', () => {
    expect(givesAway('Round-robin works', 'Stateless', ['Stateful', 'Stateless'])).toBe(false);
    expect(givesAway('Must be stateless', 'Serverless', ['Traditional', 'Serverless'])).toBe(false);
  });
});

describe('tellIn', () => {
  it('finds a telling word or phrase only as whole words', () => {
    expect(tellIn('Pinned (needs sticky routing)', ['sticky', 'affinity'])).toBe('sticky');
    expect(tellIn('Billed per server-hour', ['always running', 'server-hour'])).toBe('server-hour');
    expect(tellIn('Nothing is always running here', ['always running'])).toBe('always running');
    // "functional" is not "function"; an empty tell never matches.
    expect(tellIn('Functional tests pass', ['function', ''])).toBeUndefined();
  });
});

describe('isGeneric', () => {
  it('knows structure words from subjects', () => {
    expect(isGeneric('Key Insight')).toBe(true);
    expect(isGeneric('Best practice')).toBe(true);
    expect(isGeneric('Sticky sessions')).toBe(false);
  });
});

describe('improveDecks on small notes', () => {
  it('drops reverse cards whose prompt gives the answer away', () => {
    expect(hits('trivial').map((h) => h.id)).toContain('paradigms/comparison--memory-usage--stateful--r');
    expect(byId('paradigms/comparison--memory-usage--stateful--r')).toBeUndefined();
    // The forward card stays: its prompt asks, the answer is not in it.
    expect(byId('paradigms/comparison--memory-usage--stateful')?.back).toBe('Higher (holds state)');
  });
  it('puts the heading (or the note title) into a vague front', () => {
    expect(byId('paradigms/core-mental-model--key-insight')?.front).toBe('Core Mental Model — key insight?');
    expect(byId('summary/where-state-lives--database')?.front).toBe('Where State Lives — database?');
    // An item of a list of advantages/disadvantages says whose.
    const listed = improveDecks(
      deriveDecks([
        note(
          'sl',
          1,
          '## Trade-offs\n\n### Disadvantages\n\n- **Cold starts**: First invocation after idle period has higher latency.\n',
        ),
      ]).decks,
      { noteTitles: { sl: 'Serverless Architecture' } },
    );
    expect(listed.decks[0]?.cards[0]?.front).toBe('Serverless Architecture — cold starts?');
    expect(improveDecks(listed.decks, { noteTitles: { sl: 'Serverless Architecture' } }).hits).toEqual([]);
    expect(hits('vague').length).toBeGreaterThanOrEqual(3);
  });
  it('merges the same question across notes into the first, keeping every wording and source', () => {
    const merged = byId('paradigms/comparison--scaling--stateful');
    expect(merged?.wordings?.map((w) => w.text)).toEqual(['Complex (session affinity)', 'Challenging']);
    expect(merged?.sources).toEqual(['paradigms#comparison', 'summary#summary-table']);
    expect(byId('summary/summary-table--scalability--stateful')).toBeUndefined();
    expect(result.aliases['summary/summary-table--scalability--stateful']).toBe(
      'paradigms/comparison--scaling--stateful',
    );
  });
  it('says so on a card whose claims a reviewed disagreement names', () => {
    const disputed = byId('paradigms/comparison--complexity--stateful');
    expect(disputed?.conflict).toEqual({
      href: '/compare/stateful-vs-stateless/#complexity',
      title: 'Is stateful the simple option or the complex one?',
    });
    // Stateless complexity is not one of the claims: no flag.
    expect(byId('paradigms/comparison--complexity--stateless')?.conflict).toBeUndefined();
  });
  it('never leaves two cards with the same question and answer, nor an id twice', () => {
    const keys = cards.map((c) => `${c.front.toLowerCase()}|${c.back.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });
  it('keeps surviving ids, does not mutate its input, and is idempotent', () => {
    const before = new Set(derived.flatMap((d) => d.cards.map((c) => c.id)));
    for (const c of cards) expect(before.has(c.id)).toBe(true);
    expect(derived[0]?.cards.find((c) => c.id === 'paradigms/core-mental-model--key-insight')?.front).toBe(
      'Key Insight?',
    );
    const again = improveDecks(result.decks, options);
    expect(again.hits.filter((h) => h.rule !== 'contradiction')).toEqual([]);
  });
  it('lets a hand-written card absorb the derived card it already asks', () => {
    const hand = {
      id: 'mine',
      title: 'Mine',
      summary: 's',
      origin: 'hand' as const,
      cards: [
        {
          id: 'mine/where',
          deck: 'mine',
          kind: 'hand' as const,
          context: '',
          front: 'Where can state live?',
          back: 'In a database (session store) or client-side (JWT tokens, cookies).',
          sources: ['summary#where-state-lives'],
          related: [],
          tags: [],
        },
      ],
    };
    const out = improveDecks([...derived, hand], options);
    expect(out.aliases['summary/where-state-lives--database']).toBe('mine/where');
    expect(
      out.hits.some((h) => h.id === 'summary/where-state-lives--database' && h.rule === 'same-answer'),
    ).toBe(true);
  });
  it('summarises every rule in one line', () => {
    expect(summarizeHits(result.hits)).toMatch(
      /^card quality: \d+ trivial dropped \(\d+ by a telling word\), \d+ reason prompts dropped, \d+ vague fronts given context, \d+ near-duplicates merged, \d+ same question\+answer merged, 2 contradictions flagged$/,
    );
  });
});

const hitless = {
  id: 'mine/x',
  deck: 'mine',
  kind: 'hand' as const,
  context: '',
  front: 'x',
  back: 'Something else entirely, about budgets and timers.',
  sources: ['elsewhere#budget'],
  related: [],
  tags: [],
};

describe('the rules added for the second audit', () => {
  // Shaped like the notes' tables, not their words.
  const gateway = note(
    'gateway',
    1,
    `## Routing

| Aspect | Stateful | Stateless |
|--------|----------|-----------|
| **Routing** | Pinned (needs sticky routing) | Any node |
| **Upgrades** | Session hand-off first | Swap any node |

## Where It Runs

| Area | Example | Why This Fits |
|------|---------|---------------|
| Retail | Basket checkout flow | Bursty, event-driven, idle most nights |
| Sensors | Telemetry intake | Bursty, event-driven, unpredictable |

## Summary

**Rule of thumb**: Keep the request handlers stateless and move every session into a shared store.
`,
  );
  const recap = note(
    'recap',
    2,
    `## Takeaways

- **Guideline**: Move every session into a shared store and keep request handlers stateless.

## Recap Table

| Aspect | Stateful | Stateless |
| :-- | :-- | :-- |
| Routing | Hard (pin by session) | Easy |
`,
  );
  const vocab = {
    aspectOf: (label: string) => ({ routing: 'routing', upgrades: 'deployment' })[label.toLowerCase()],
    optionOf: (label: string) => ({ stateful: 'stateful', stateless: 'stateless' })[label.toLowerCase()],
    tellsOf: (label: string) => (label.toLowerCase() === 'stateful' ? ['session', 'sticky'] : []),
    noteTitles: { gateway: 'Gateway note', recap: 'Recap note' },
  };
  const out = improveDecks(deriveDecks([gateway, recap]).decks, vocab);
  const all = out.decks.flatMap((d) => d.cards);
  const find = (id: string) => all.find((c) => c.id === id);
  const hit = (id: string) => out.hits.find((h) => h.id === id);

  it('drops a reverse card whose prompt holds a word the vocabulary says names its answer', () => {
    expect(find('gateway/routing--routing--stateful--r')).toBeUndefined();
    expect(hit('gateway/routing--routing--stateful--r')?.detail).toBe(
      '“Pinned (needs sticky routing)” says “sticky”, which names Stateful',
    );
    expect(find('gateway/routing--upgrades--stateful--r')).toBeUndefined();
    expect(hit('gateway/routing--upgrades--stateful--r')?.rule).toBe('trivial');
    expect(hit('recap/recap-table--routing--stateful--r')?.detail).toContain('“session”');
    // No tell, no drop; and the forward cards stay.
    expect(find('gateway/routing--routing--stateless--r')?.front).toBe(
      'Routing: “Any node” — Stateful or Stateless?',
    );
    expect(find('gateway/routing--routing--stateful')?.back).toBe('Pinned (needs sticky routing)');
  });
  it('hands a dropped card’s history to the card left for the same question', () => {
    // recap's "Hard (pin by session)" reverse is dropped too ("session"); gateway's forward card
    // survives, but no reverse card of stateful routing is left: no alias.
    expect(out.aliases['gateway/routing--routing--stateful--r']).toBeUndefined();
    const kept = improveDecks(
      deriveDecks([
        gateway,
        note('plain', 3, '## T\n\n| Aspect | Stateful | Stateless |\n|-|-|-|\n| Routing | Hard | Easy |\n'),
      ]).decks,
      vocab,
    );
    expect(kept.aliases['gateway/routing--routing--stateful--r']).toBe('plain/t--routing--stateful--r');
    expect(kept.hits.find((h) => h.id === 'gateway/routing--routing--stateful--r')?.into).toBe(
      'plain/t--routing--stateful--r',
    );
  });
  it('drops a reverse card that asks which row a reason belongs to', () => {
    expect(find('gateway/where-it-runs--why-this-fits--retail--r')).toBeUndefined();
    expect(hit('gateway/where-it-runs--why-this-fits--retail--r')?.rule).toBe('reason');
    // The example column still has its reverse card: an example picks out its row.
    expect(find('gateway/where-it-runs--example--retail--r')).toBeDefined();
  });
  it('gives a generic column of rows the site does not know its heading', () => {
    expect(find('gateway/where-it-runs--example--retail')?.front).toBe('Where It Runs — Retail: example?');
    // A side the vocabulary knows keeps its short front; without a vocabulary nothing changes.
    const bare = improveDecks(deriveDecks([gateway]).decks, { noteTitles: vocab.noteTitles });
    expect(bare.decks[0]?.cards.find((c) => c.id === 'gateway/where-it-runs--example--retail')?.front).toBe(
      'Retail — Example?',
    );
  });
  it('merges prose that says the same in other words, keeping both wordings and sources', () => {
    const rule = find('gateway/summary--rule-of-thumb');
    expect(find('recap/takeaways--guideline')).toBeUndefined();
    expect(out.aliases['recap/takeaways--guideline']).toBe('gateway/summary--rule-of-thumb');
    expect(rule?.wordings?.map((w) => w.source)).toEqual(['gateway#summary', 'recap#takeaways']);
    expect(rule?.sources).toEqual(['gateway#summary', 'recap#takeaways']);
    // Short answers are never merged on a few shared words.
    expect(
      out.hits.filter((h) => h.rule === 'near-duplicate' && h.detail.includes('other words')),
    ).toHaveLength(1);
  });
  it('lets a hand card asking “What is X?” absorb the derived card for the term X, from any note', () => {
    const listed = deriveDecks([
      note(
        'fx',
        1,
        '## Trade-offs\n\n### Disadvantages\n\n- **Warm-up delays**: The first call after a quiet spell waits for a new instance.\n',
      ),
    ]).decks;
    const mine = {
      id: 'mine',
      title: 'Mine',
      summary: 's',
      origin: 'hand' as const,
      cards: [
        {
          id: 'mine/what',
          deck: 'mine',
          kind: 'hand' as const,
          context: '',
          front: 'What is a warm-up delay?',
          back: 'Time to provision an instance before the handler runs.',
          sources: ['elsewhere#lifecycle'],
          related: [],
          tags: [],
        },
        { ...hitless, id: 'mine/other', front: 'What is a warm-up delay budget?' },
      ],
    };
    const merged = improveDecks([...listed, mine], { noteTitles: { fx: 'Functions' } });
    expect(merged.aliases['fx/disadvantages--warm-up-delays']).toBe('mine/what');
    expect(merged.decks.flatMap((d) => d.cards).map((c) => c.id)).toEqual(['mine/what', 'mine/other']);
  });
  it('flags a category card whose cell a disagreement quotes', () => {
    const mix = deriveDecks([
      note(
        'mix',
        1,
        '## When to Mix\n\n| Use Serverless For | Use Traditional For |\n|---|---|\n| Spiky jobs | Apps holding state |\n',
      ),
    ]).decks;
    const flagged = improveDecks(mix, {
      disagreements: [
        {
          href: '/compare/x/#state',
          title: 'Can functions hold state?',
          aspect: 'state',
          claims: [{ source: 'mix#when-to-mix', quote: 'Apps holding state' }],
        },
      ],
    });
    const card = flagged.decks[0]?.cards.find((c) => c.front.startsWith('“Apps holding state”'));
    expect(card?.conflict?.href).toBe('/compare/x/#state');
    expect(flagged.decks[0]?.cards.filter((c) => c.conflict)).toHaveLength(1);
  });
  it('drops a category card whose cell names its answer, with nothing to hand its history to', () => {
    const mix = deriveDecks([
      note(
        'mix2',
        1,
        '## When to Mix\n\n| Use Serverless For | Use Traditional For |\n|---|---|\n| Function fan-out | Pinned GPU boxes |\n',
      ),
    ]).decks;
    const out = improveDecks(mix, {
      tellsOf: (label: string) => (label === 'Serverless' ? ['function'] : []),
    });
    const dropped = out.hits.find((h) => h.rule === 'trivial');
    expect(dropped?.detail).toBe('“Function fan-out” says “function”, which names Serverless');
    expect(dropped?.into).toBeUndefined();
    expect(out.decks[0]?.cards.map((c) => c.front)).toEqual([
      '“Pinned GPU boxes” — Serverless or Traditional?',
    ]);
  });
  it('merges a pro or con that names an aspect into the row of the option its note is about', () => {
    const grid = note(
      'grid',
      1,
      '## Matrix\n\n| Aspect | Traditional | Serverless |\n|---|---|---|\n| Lock-in | Low (portable images) | High (provider triggers) |\n',
    );
    const fx = note(
      'fx',
      2,
      '## Trade-offs\n\n### Disadvantages\n\n- **Lock-in**: Handlers lean on one provider’s queues and triggers.\n- **Quotas**: Each account has a ceiling on concurrent instances.\n',
    );
    const opts = {
      aspectOf: (label: string) => (label.toLowerCase() === 'lock-in' ? 'lock-in' : undefined),
      optionOf: (label: string) =>
        ['serverless', 'traditional'].includes(label.toLowerCase()) ? label : undefined,
      noteTitles: { grid: 'Grid', fx: 'Serverless' },
    };
    const out = improveDecks(deriveDecks([grid, fx]).decks, opts);
    const row = out.decks.flatMap((d) => d.cards).find((c) => c.id === 'grid/matrix--lock-in--serverless');
    expect(row?.wordings?.map((w) => w.text)).toEqual([
      'High (provider triggers)',
      'Handlers lean on one provider’s queues and triggers.',
    ]);
    expect(out.aliases['fx/disadvantages--lock-in']).toBe('grid/matrix--lock-in--serverless');
    // A con naming no aspect stays; so does every con when the note's title names no option.
    expect(out.decks.flatMap((d) => d.cards).some((c) => c.id === 'fx/disadvantages--quotas')).toBe(true);
    const other = improveDecks(deriveDecks([grid, fx]).decks, { ...opts, noteTitles: { fx: 'Misc' } });
    expect(other.aliases['fx/disadvantages--lock-in']).toBeUndefined();
  });
  it('counts the new rules in the summary line', () => {
    expect(summarizeHits(out.hits)).toMatch(
      /trivial dropped \(\d+ by a telling word\), 2 reason prompts dropped/,
    );
  });
});

describe('card id aliases', () => {
  const state = (reps: number, at?: string) => ({
    due: '2026-12-10T00:00:00.000Z',
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 1,
    learning_steps: 0,
    reps,
    lapses: 0,
    state: 2,
    ...(at ? { last_review: at } : {}),
  });
  const progress: FlashcardProgress = {
    cards: { 'b/old': state(4, '2026-11-30T00:00:00.000Z'), 'a/keep': state(1, '2026-11-01T00:00:00.000Z') },
    log: [{ card: 'b/old', rating: 3, state: 0, at: '2026-11-30T00:00:00.000Z' }],
    settings: { newPerDay: 20 },
  };
  it('moves an absorbed card’s history to the survivor, keeping the more recent state', () => {
    const out = cardIdAliases(progress, { 'b/old': 'a/keep' });
    expect(Object.keys(out.cards)).toEqual(['a/keep']);
    expect(out.cards['a/keep']?.reps).toBe(4);
    expect(out.log[0]?.card).toBe('a/keep');
  });
  it('gives a survivor without history the absorbed one’s, follows chains, returns the same object when nothing moves', () => {
    const out = cardIdAliases(
      { ...progress, cards: { 'b/old': state(2) } },
      { 'b/old': 'c/mid', 'c/mid': 'a/keep' },
    );
    expect(out.cards['a/keep']?.reps).toBe(2);
    expect(resolveCardId('x', { x: 'y', y: 'x' })).toBe('y');
    expect(cardIdAliases(progress, {})).toBe(progress);
  });
});

describe('the five real notes', async () => {
  const content = await gateContent();
  const built = buildDecks({
    notes: content.notes.map((n) => ({
      slug: n.data.slug,
      title: n.data.title,
      order: n.data.order,
      body: n.body,
      tags: n.data.tags,
    })),
    hand: content.decks.map((d) => d.data),
    index: content.index,
    vocabulary: content.compare.vocabulary,
    comparisons: content.compare.comparisons,
  });
  it('counts what each rule did', () => {
    expect(summarizeHits(built.hits)).toBe(
      'card quality: 25 trivial dropped (12 by a telling word), 5 reason prompts dropped, 47 vague fronts given context, 77 near-duplicates merged, 7 same question+answer merged, 17 contradictions flagged',
    );
  });
  it('flags the contradictions the issue names, with the resolution link', () => {
    const all = built.decks.flatMap((d) => d.cards);
    const state = all.find((c) => c.id === 'architecture-paradigms/comparison-matrix--state--serverless');
    expect(state?.conflict?.href).toBe('/compare/serverless-vs-traditional/#serverless-state');
    const complexity = all.find(
      (c) => c.id === 'stateless-vs-stateful-architecture/key-differences--complexity--stateful',
    );
    expect(complexity?.conflict?.href).toBe('/compare/stateful-vs-stateless/#complexity');
    expect(complexity?.wordings?.map((w) => w.text)).toEqual([
      'Low(initially)',
      'More complex (state management required)',
      'Higher',
    ]);
  });
  it('leaves one “Stateful — scaling?” card with all six wordings', () => {
    const scaling = built.decks
      .flatMap((d) => d.cards)
      .filter((c) =>
        /^Stateful( Architecture)? — (Scaling|Scalability|Horizontal Scaling|Auto-scaling)\?$/.test(c.front),
      );
    expect(scaling).toHaveLength(1);
    expect(scaling[0]?.wordings).toHaveLength(6);
  });
  it('finds nothing more to do on its own output (only the disputed flags stay)', () => {
    expect(improveDecks(built.decks, built.options).hits.filter((h) => h.rule !== 'contradiction')).toEqual(
      [],
    );
  });
  it('asks no question twice, and leaves none of the giveaways the audit found', () => {
    const all = built.decks.flatMap((d) => d.cards);
    const fronts = all.map((c) => c.front.toLowerCase());
    expect(new Set(fronts).size).toBe(fronts.length);
    // test/reliability/cards-audit.md, "Trivial / giveaway": gone, their history handed on where a card is left.
    expect(all.find((c) => c.front.startsWith('Scaling: “Complex (session affinity)”'))).toBeUndefined();
    expect(built.aliases['architecture-paradigms/comparison--scaling--stateful--r']).toBe(
      'stateless-vs-stateful-architecture/key-differences--horizontal-scaling--stateful--r',
    );
    for (const id of [
      'architecture-paradigms/comparison-matrix--max-execution--serverless--r',
      'serverless-architecture/comparison-with-related-patterns--deployment-unit--serverless--r',
    ])
      expect(all.find((c) => c.id === id)).toBeUndefined();
  });
  it('every alias points at a card that exists', () => {
    const ids = new Set(built.decks.flatMap((d) => d.cards.map((c) => c.id)));
    for (const to of Object.values(built.aliases)) expect(ids.has(to)).toBe(true);
  });
});

describe('edges', () => {
  it('buildDecks without the stage or a vocabulary gives the decks as derived', () => {
    const built = buildDecks({ notes: [paradigms, summary], hand: [], index: new Map(), quality: false });
    expect(built.hits).toEqual([]);
    expect(built.decks.flatMap((d) => d.cards)).toHaveLength(derived.flatMap((d) => d.cards).length);
    const plain = buildDecks({ notes: [paradigms, summary], hand: [], index: new Map() });
    // Without the vocabulary only identical aspect labels merge: "Scaling" and "Scalability" stay apart.
    expect(plain.aliases['summary/summary-table--scalability--stateful']).toBeUndefined();
  });
  it('keeps the state with more reviews when two were reviewed at the same time (or never)', () => {
    const base = {
      due: '2026-12-10T00:00:00.000Z',
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 1,
      learning_steps: 0,
      lapses: 0,
      state: 2,
    };
    const progress: FlashcardProgress = {
      cards: { 'a/x': { ...base, reps: 1 }, 'b/y': { ...base, reps: 3 } },
      log: [],
      settings: { newPerDay: 20 },
    };
    expect(cardIdAliases(progress, { 'b/y': 'a/x' }).cards['a/x']?.reps).toBe(3);
    expect(cardIdAliases(progress, { 'a/x': 'b/y' }).cards['b/y']?.reps).toBe(3);
  });
});

describe('the content gate', () => {
  it('names file, card and field when two cards would get one id', async () => {
    const { mkdtemp, writeFile, mkdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(join(tmpdir(), 'cards-'));
    await mkdir(join(root, 'content/notes'), { recursive: true });
    // A category-table cell and a bold term under one heading, both "Cron jobs": one id, two questions.
    await writeFile(
      join(root, 'content/notes/twice.mdx'),
      `---\ntitle: Twice\nslug: twice\nsummary: s\ntags: [t]\norder: 1\nsource: x.txt\n---\n\n## When to Mix\n\n| Use Serverless For | Use Traditional For |\n|---|---|\n| Cron jobs | Long-running processes |\n\n**Cron jobs**: scheduled tasks that run and stop.\n`,
    );
    const { gateContent: gate } = await import('../../../src/integrations/load-notes.ts');
    const dirs = {
      quizzes: join(root, 'quizzes'),
      cards: join(root, 'cards'),
      compare: join(root, 'compare'),
      decide: join(root, 'decide'),
      pricing: join(root, 'pricing.yaml'),
    };
    const { errors } = await gate(root, dirs);
    const { formatContentError } = await import('../../../src/domain/content/gate.ts');
    expect(errors.map(formatContentError)).toContainEqual(
      expect.stringMatching(
        /^content\/notes\/twice\.mdx: card "twice\/when-to-mix--cron-jobs": field "id": two cards get this id/,
      ),
    );
  });
});

describe('flattenAliases', () => {
  it('follows a chain of merges to the card that was left, and stops where a cycle closes', async () => {
    const { flattenAliases } = await import('../../../src/domain/flashcards/quality.ts');
    const chain: Record<string, string> = { 'a/x': 'b/y', 'b/y': 'c/z', 'd/w': 'b/y' };
    flattenAliases(chain);
    expect(chain).toEqual({ 'a/x': 'c/z', 'b/y': 'c/z', 'd/w': 'c/z' });
    const cycle: Record<string, string> = { 'a/x': 'b/y', 'b/y': 'a/x' };
    flattenAliases(cycle);
    expect(cycle).toEqual({ 'a/x': 'a/x', 'b/y': 'a/x' });
  });
});
