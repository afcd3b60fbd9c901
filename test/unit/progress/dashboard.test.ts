/**
 * The progress dashboard (src/domain/progress/dashboard.ts) and its build-time catalogue
 * (src/domain/progress/catalogue.ts), from hand-built records: scores over time, weakest topics
 * and their note sections, cards due by local day, content that changed since, and an export
 * file that brings back everything the dashboard shows.
 */
import { describe, expect, it } from 'vitest';
import type { AnchorIndex } from '../../../src/domain/notes/anchors.ts';
import {
  buildCatalogue,
  cardTopic,
  enclosingSection,
  topicLabel,
} from '../../../src/domain/progress/catalogue.ts';
import {
  type Catalogue,
  type DashboardInput,
  buildDashboard,
  endOfLocalDay,
  sparkline,
} from '../../../src/domain/progress/dashboard.ts';
import { exportProgress, importProgress } from '../../../src/domain/progress/file.ts';
import { QUIZ_ATTEMPTS } from '../../../src/domain/quiz/attempts.ts';
import { emptyProgress, flashcardRecord } from '../../../src/domain/flashcards/queue.ts';
import { type KeyValueStore, readRecord, writeRecord } from '../../../src/domain/progress/storage.ts';
import type {
  FlashcardProgress,
  FsrsCardState,
  QuizAttempt,
  QuizAttempts,
  ReviewLogEntry,
} from '../../../src/schemas/progress.ts';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (offsetMs: number) => iso(NOW.getTime() + offsetMs);

const CATALOGUE: Catalogue = {
  notes: {
    paradigms: {
      title: 'Architecture Paradigms',
      headings: { 'cost-model': 'Cost Model', 'cold-start': 'Cold Start', sessions: 'Sessions' },
    },
    state: { title: 'State', headings: { sticky: '2. Sticky Sessions' } },
  },
  topics: { cost: 'Cost', 'cold-start': 'Cold start', sessions: 'Sessions' },
  quizzes: [
    {
      id: 'servers',
      title: 'Serverless or servers?',
      questions: {
        q1: { topic: 'cost', source: 'paradigms#cost-model' },
        q2: { topic: 'cold-start', source: 'paradigms#cold-start' },
        q3: { topic: 'cost', source: 'paradigms#cost-model' },
        q4: { topic: 'sessions', source: 'state#sticky' },
      },
    },
    {
      id: 'fit',
      title: 'Serverless fit',
      questions: { f1: { topic: 'cold-start', source: 'paradigms#cold-start' } },
    },
  ],
  decks: [
    {
      id: 'paradigms',
      title: 'Architecture Paradigms',
      cards: {
        'paradigms/a': { topic: 'cost', sources: ['paradigms#cost-model'] },
        'paradigms/b': { topic: 'cold-start', sources: ['paradigms#cold-start', 'state#sticky'] },
      },
    },
    {
      id: 'sessions',
      title: 'Sessions and state',
      cards: {
        'sessions/x': { topic: 'sessions', sources: ['state#sticky'] },
        'sessions/y': { topic: 'sessions', sources: ['state#sticky'] },
        'sessions/z': { topic: 'sessions', sources: ['state#sticky'] },
      },
    },
  ],
};

function attempt(
  quizId: string,
  results: Record<string, number>,
  over: Partial<Pick<QuizAttempt, 'at' | 'retry'>> = {},
): QuizAttempt {
  const questions = Object.fromEntries(
    Object.entries(results).map(([id, score]) => [id, { score, max: 1, topic: 'cost' }]),
  );
  const score = Object.values(results).reduce((s, n) => s + n, 0);
  return {
    quizId,
    at: over.at ?? at(-DAY),
    retry: over.retry ?? false,
    score,
    max: Object.keys(results).length,
    questions,
  };
}

const state = (due: string, over: Partial<FsrsCardState> = {}): FsrsCardState => ({
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: at(-DAY),
  ...over,
});

const rating = (card: string, value: 1 | 2 | 3 | 4, when: string, before = 2): ReviewLogEntry => ({
  card,
  rating: value,
  state: before,
  at: when,
});

const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  attempts: QUIZ_ATTEMPTS.empty(),
  flashcards: emptyProgress(),
  catalogue: CATALOGUE,
  now: NOW,
  tzOffset: 0,
  ...over,
});

describe('progress dashboard: first visit', () => {
  it('nothing stored: no progress, every quiz untaken, nothing due, new cards on offer', () => {
    const d = buildDashboard(input());
    expect(d.hasProgress).toBe(false);
    expect(d.quizzes).toEqual([]);
    expect(d.untaken.map((q) => q.href)).toEqual(['/quizzes/servers/', '/quizzes/fit/']);
    expect(d.weakTopics).toEqual([]);
    expect(d.due).toEqual({ now: 0, today: 0, week: 0, decks: [], newToday: 5, started: 0 });
    expect(d.skipped).toEqual({ attempts: 0, questions: 0, cards: 0 });
  });
});

describe('progress dashboard: quiz scores', () => {
  it('per quiz: every attempt over time, best and last, what to retry', () => {
    const attempts: QuizAttempts = {
      attempts: [
        attempt('servers', { q1: 0, q2: 1, q3: 0, q4: 1 }, { at: at(-3 * DAY) }),
        attempt('servers', { q1: 1, q3: 0 }, { at: at(-2 * DAY), retry: true }),
        attempt('servers', { q1: 1, q2: 1, q3: 1, q4: 0 }, { at: at(-DAY) }),
      ],
    };
    const d = buildDashboard(input({ attempts }));
    expect(d.hasProgress).toBe(true);
    expect(d.untaken.map((q) => q.id)).toEqual(['fit']);
    expect(d.quizzes).toEqual([
      {
        id: 'servers',
        title: 'Serverless or servers?',
        href: '/quizzes/servers/',
        points: [
          { at: at(-3 * DAY), percent: 50, retry: false },
          { at: at(-2 * DAY), percent: 50, retry: true },
          { at: at(-DAY), percent: 75, retry: false },
        ],
        summary: {
          attempts: 3,
          best: { percent: 75, at: at(-DAY) },
          last: { percent: 75, at: at(-DAY), retry: false },
        },
        missed: 1,
        retryHref: '/quizzes/servers/?retry=missed',
      },
    ]);
  });
});

describe('progress dashboard: weakest topics', () => {
  it('counts each question by the share missed the last time it was answered, with its note section', () => {
    const attempts: QuizAttempts = {
      attempts: [
        // Older full attempt: outside the window once a newer full attempt exists.
        attempt('servers', { q1: 0, q2: 0, q3: 0, q4: 0 }, { at: at(-5 * DAY) }),
        attempt('servers', { q1: 0, q2: 1, q3: 0.5, q4: 0 }, { at: at(-2 * DAY) }),
        // A retry after it got q4 right: q4 no longer counts.
        attempt('servers', { q1: 0, q3: 0.5, q4: 1 }, { at: at(-DAY), retry: true }),
      ],
    };
    const d = buildDashboard(input({ attempts }));
    expect(d.weakTopics).toEqual([
      {
        topic: 'cost',
        label: 'Cost',
        weight: 1.5,
        questions: 2,
        cards: 0,
        sections: [
          {
            ref: 'paradigms#cost-model',
            href: '/notes/paradigms/#cost-model',
            note: 'Architecture Paradigms',
            heading: 'Cost Model',
            weight: 1.5,
          },
        ],
        quizzes: [{ id: 'servers', title: 'Serverless or servers?', href: '/quizzes/servers/?retry=missed' }],
        decks: [],
      },
    ]);
  });

  it('counts a card rated Again in the last 30 days, once, across its sources; ranks heaviest first', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: {
        'paradigms/b': state(at(10 * 60_000), { state: 1 }),
        'sessions/x': state(at(DAY), { lapses: 1, state: 3 }),
        'sessions/y': state(at(DAY)),
        'sessions/z': state(at(DAY)),
      },
      log: [
        rating('paradigms/b', 1, at(-HOUR), 0),
        rating('paradigms/b', 1, at(-HOUR / 2), 1),
        rating('sessions/x', 1, at(-2 * DAY)), // a lapse
        rating('sessions/y', 1, at(-31 * DAY)), // too long ago
        rating('sessions/z', 3, at(-HOUR)), // remembered
      ],
    };
    const attempts: QuizAttempts = { attempts: [attempt('fit', { f1: 0.5 })] };
    const d = buildDashboard(input({ attempts, flashcards }));
    expect(
      d.weakTopics.map((t) => [
        t.topic,
        t.weight,
        t.questions,
        t.cards,
        t.sections.map((s) => [s.ref, s.weight]),
      ]),
    ).toEqual([
      [
        'cold-start',
        1.5,
        1,
        1,
        [
          ['paradigms#cold-start', 1],
          ['state#sticky', 0.5],
        ],
      ],
      ['sessions', 1, 0, 1, [['state#sticky', 1]]],
    ]);
    const coldStart = d.weakTopics[0];
    expect(coldStart?.quizzes.map((q) => q.href)).toEqual(['/quizzes/fit/?retry=missed']);
    expect(coldStart?.decks).toEqual([
      { id: 'paradigms', title: 'Architecture Paradigms', href: '/flashcards/paradigms/' },
    ]);
    expect(coldStart?.sections[1]).toMatchObject({ heading: '2. Sticky Sessions', note: 'State' });
  });

  it('ties: more items first, then by name', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      log: [rating('paradigms/a', 1, at(-HOUR))],
    };
    const attempts: QuizAttempts = {
      attempts: [attempt('servers', { q1: 1, q2: 0.5, q3: 1, q4: 0.5 }), attempt('fit', { f1: 0.5 })],
    };
    const d = buildDashboard(input({ attempts, flashcards }));
    // cost 1 (one card), cold-start 1 (two half-missed questions), sessions 0.5.
    expect(d.weakTopics.map((t) => [t.topic, t.weight])).toEqual([
      ['cold-start', 1],
      ['cost', 1],
      ['sessions', 0.5],
    ]);
    const alpha = buildDashboard(
      input({ flashcards, attempts: { attempts: [attempt('servers', { q1: 1, q2: 0, q3: 1, q4: 1 })] } }),
    );
    expect(alpha.weakTopics.map((t) => t.label)).toEqual(['Cold start', 'Cost']);
  });

  it('a right answer every time and no forgotten card: no weak topic', () => {
    const attempts: QuizAttempts = { attempts: [attempt('servers', { q1: 1, q2: 1, q3: 1, q4: 1 })] };
    expect(buildDashboard(input({ attempts })).weakTopics).toEqual([]);
  });
});

describe('progress dashboard: content that changed since', () => {
  it('skips and counts deleted quizzes, questions and cards without failing', () => {
    const attempts: QuizAttempts = {
      attempts: [
        attempt('gone-quiz', { a: 0 }),
        attempt('gone-quiz', { a: 1 }),
        attempt('servers', { q1: 0, removed: 0, 'also-removed': 1, q2: 1, q3: 1, q4: 1 }),
      ],
    };
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: { 'old/card': state(at(-HOUR)), 'paradigms/a': state(at(-HOUR)) },
      log: [rating('old/card', 1, at(-HOUR)), rating('removed/card', 1, at(-HOUR))],
    };
    const d = buildDashboard(input({ attempts, flashcards }));
    expect(d.skipped).toEqual({ attempts: 2, questions: 2, cards: 2 });
    expect(d.quizzes.map((q) => q.id)).toEqual(['servers']);
    // Removed questions are not offered for a retry either.
    expect(d.quizzes[0]?.missed).toBe(1);
    expect(d.weakTopics.map((t) => t.topic)).toEqual(['cost']);
    expect(d.due).toMatchObject({ now: 1, started: 1 });
  });

  it('a section the catalogue does not know still links, named by its reference', () => {
    const catalogue: Catalogue = {
      ...CATALOGUE,
      quizzes: [
        { id: 'servers', title: 'S', questions: { q1: { topic: 'new-topic', source: 'other#where' } } },
      ],
    };
    const d = buildDashboard(input({ catalogue, attempts: { attempts: [attempt('servers', { q1: 0 })] } }));
    expect(d.weakTopics[0]).toMatchObject({
      label: 'new-topic',
      sections: [{ ref: 'other#where', href: '/notes/other/#where', note: 'other', heading: 'where' }],
    });
  });

  it('reads an attempt record from before retries were recorded, and attempts without per-question results', () => {
    const store = new Map<string, string>([
      [
        QUIZ_ATTEMPTS.key,
        JSON.stringify({
          version: 1,
          data: { attempts: [{ quizId: 'servers', at: at(-DAY), score: 1, max: 2, questions: {} }] },
        }),
      ],
    ]);
    const kv: KeyValueStore = {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    };
    const read = readRecord(kv, QUIZ_ATTEMPTS, NOW);
    expect(read.status).toBe('ok');
    const d = buildDashboard(input({ attempts: read.value }));
    expect(d.quizzes[0]?.points).toEqual([{ at: at(-DAY), percent: 50, retry: false }]);
    expect(d.quizzes[0]?.missed).toBe(0);
    expect(d.weakTopics).toEqual([]);
  });
});

describe('progress dashboard: merged cards (card-id aliases)', () => {
  // The build merged `paradigms/a-old` into `paradigms/a`, and `sessions/x-v1` → `sessions/x-v2` → `sessions/x`.
  const aliases = {
    'paradigms/a-old': 'paradigms/a',
    'sessions/x-v1': 'sessions/x-v2',
    'sessions/x-v2': 'sessions/x',
  };

  it('history under an absorbed id shows under the surviving card: due, weak topic, not "gone"', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: { 'paradigms/a-old': state(at(-HOUR)), 'sessions/x-v1': state(at(3 * DAY)) },
      log: [rating('paradigms/a-old', 1, at(-2 * HOUR))],
    };
    const before = buildDashboard(input({ flashcards }));
    expect(before.skipped.cards).toBe(2);
    expect(before.due).toMatchObject({ now: 0, week: 0, started: 0 });
    expect(before.weakTopics).toEqual([]);

    const d = buildDashboard(input({ flashcards, aliases }));
    expect(d.skipped.cards).toBe(0);
    expect(d.due).toMatchObject({ now: 1, today: 1, week: 2, started: 2 });
    expect(d.due.decks.map((deck) => [deck.id, deck.now, deck.week])).toEqual([
      ['paradigms', 1, 1],
      ['sessions', 0, 1],
    ]);
    expect(d.weakTopics.map((t) => [t.topic, t.cards, t.weight])).toEqual([['cost', 1, 1]]);
    expect(d.weakTopics[0]?.decks.map((deck) => deck.id)).toEqual(['paradigms']);
  });

  it('history under both ids is merged, not double-counted: one card, one state, one forgotten card', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: {
        // Reviewed last under the surviving id: that state decides when the card is due.
        'paradigms/a-old': state(at(-HOUR), { last_review: at(-3 * DAY) }),
        'paradigms/a': state(at(5 * DAY), { last_review: at(-HOUR) }),
      },
      log: [rating('paradigms/a-old', 1, at(-3 * DAY)), rating('paradigms/a', 1, at(-2 * HOUR))],
    };
    const d = buildDashboard(input({ flashcards, aliases }));
    expect(d.due).toMatchObject({ now: 0, today: 0, week: 1, started: 1 });
    expect(d.weakTopics.map((t) => [t.topic, t.cards, t.weight])).toEqual([['cost', 1, 1]]);
    expect(d.skipped.cards).toBe(0);
  });
});

describe('progress dashboard: cards due', () => {
  it('the local day ends at local midnight, whatever the timezone', () => {
    // 22:30 UTC on the 24th is 00:30 on the 25th in UTC+2 (getTimezoneOffset -120).
    const late = new Date('2026-11-24T22:30:00.000Z');
    expect(iso(endOfLocalDay(late, 0))).toBe('2026-11-25T00:00:00.000Z');
    expect(iso(endOfLocalDay(late, -120))).toBe('2026-11-25T22:00:00.000Z');
    expect(iso(endOfLocalDay(late, 300))).toBe('2026-11-25T05:00:00.000Z');
    expect(iso(endOfLocalDay(late, 0, 6))).toBe('2026-12-01T00:00:00.000Z');
  });

  it('counts due now, by the end of today and within 7 days, per deck', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: {
        'paradigms/a': state(at(-DAY)), // overdue
        'paradigms/b': state(at(0), { state: 1 }), // due this instant
        'sessions/x': state(at(11 * HOUR)), // 23:00 today
        'sessions/y': state(at(12 * HOUR)), // midnight: tomorrow
        'sessions/z': state(at(6 * DAY + 11 * HOUR)), // last day of the week
      },
    };
    const d = buildDashboard(input({ flashcards }));
    expect(d.due).toEqual({
      now: 2,
      today: 3,
      week: 5,
      newToday: 0,
      started: 5,
      decks: [
        {
          id: 'paradigms',
          title: 'Architecture Paradigms',
          href: '/flashcards/paradigms/',
          now: 2,
          today: 2,
          week: 2,
        },
        {
          id: 'sessions',
          title: 'Sessions and state',
          href: '/flashcards/sessions/',
          now: 0,
          today: 1,
          week: 3,
        },
      ],
    });
    // In UTC−5 it is 07:00: the 23:00 UTC card and the midnight one are both due today.
    expect(buildDashboard(input({ flashcards, tzOffset: 300 })).due).toMatchObject({ today: 4, week: 5 });
  });

  it('nothing due this week: says when the next card is; new cards follow the daily limit', () => {
    const flashcards: FlashcardProgress = {
      ...emptyProgress(),
      cards: { 'paradigms/a': state(at(30 * DAY)), 'paradigms/b': state(at(9 * DAY)) },
      log: [rating('paradigms/a', 3, at(-HOUR), 0)],
      settings: { newPerDay: 2 },
    };
    const d = buildDashboard(input({ flashcards }));
    expect(d.due).toEqual({
      now: 0,
      today: 0,
      week: 0,
      decks: [],
      newToday: 1,
      started: 2,
      nextDue: at(9 * DAY),
    });
  });
});

describe('sparkline', () => {
  it('spreads scores left to right, 100 % at the top', () => {
    expect(sparkline([0, 50, 100], 100, 40, 5)).toEqual([
      { x: 5, y: 35 },
      { x: 50, y: 20 },
      { x: 95, y: 5 },
    ]);
    expect(sparkline([80], 100, 40, 5)).toEqual([{ x: 50, y: 11 }]);
    expect(sparkline([], 100, 40)).toEqual([]);
  });
});

describe('export / import carries everything the dashboard shows', () => {
  it('the same dashboard after export, clearing the browser and import', () => {
    const map = new Map<string, string>();
    const store: KeyValueStore = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
    const attempts: QuizAttempts = {
      attempts: [
        attempt('servers', { q1: 0, q2: 1, q3: 0.5, q4: 0 }, { at: at(-2 * DAY) }),
        attempt('servers', { q1: 1, q3: 0.5, q4: 0 }, { at: at(-DAY), retry: true }),
        attempt('fit', { f1: 0 }),
        attempt('gone-quiz', { a: 0 }),
      ],
    };
    const flashcards: FlashcardProgress = {
      cards: { 'paradigms/b': state(at(HOUR), { state: 1 }), 'sessions/x': state(at(3 * DAY)) },
      log: [rating('paradigms/b', 1, at(-HOUR), 0), rating('sessions/x', 4, at(-HOUR), 0)],
      settings: { newPerDay: 3 },
    };
    writeRecord(store, QUIZ_ATTEMPTS, attempts);
    writeRecord(store, flashcardRecord, flashcards);
    const show = () =>
      buildDashboard(
        input({
          attempts: readRecord(store, QUIZ_ATTEMPTS, NOW).value,
          flashcards: readRecord(store, flashcardRecord, NOW).value,
        }),
      );
    const before = show();
    expect(before.weakTopics.length).toBeGreaterThan(0);
    expect(before.due.week).toBe(2);

    const { json, skipped } = exportProgress(store, NOW);
    expect(skipped).toEqual([]);
    map.clear();
    expect(show().hasProgress).toBe(false);
    expect(importProgress(json, store, NOW)).toMatchObject({ ok: true });
    expect(show()).toEqual(before);
  });
});

describe('progress catalogue (build time)', () => {
  const notes: AnchorIndex = new Map([
    [
      'paradigms',
      {
        title: 'Architecture Paradigms',
        anchors: [
          { id: 'intro', text: 'Intro', depth: 1 },
          { id: 'costs', text: 'Costs', depth: 2 },
          { id: 'cost-model', text: 'Cost Model', depth: 3 },
          { id: 'cold-start', text: 'Cold Start', depth: 3 },
          { id: 'pricing-table', text: 'Pricing Table', depth: 4 },
          { id: 'migration', text: 'Migration', depth: 2 },
          { id: 'phase-1', text: 'Phase 1', depth: 3 },
          { id: 'phase-2', text: 'Phase 2', depth: 3 },
          { id: 'sticky', text: 'Sticky Sessions', depth: 2 },
        ],
      },
    ],
    ['lonely', { title: 'A Note No Quiz Covers', anchors: [{ id: 'intro', text: 'Intro', depth: 2 }] }],
  ]);
  const quizzes = [
    {
      id: 'servers',
      title: 'Serverless or servers?',
      questions: [
        { id: 'q1', topic: 'cost', source: 'paradigms#cost-model' },
        { id: 'q2', topic: 'cold-start', source: 'paradigms#cost-model' },
        { id: 'q3', topic: 'cold-start', source: 'paradigms#cold-start' },
        { id: 'q4', topic: 'migration', source: 'paradigms#phase-1' },
        { id: 'q5', topic: 'migration', source: 'paradigms#phase-2' },
        { id: 'q6', topic: 'migration', source: 'paradigms#migration' },
        { id: 'q7', topic: 'sessions', source: 'lonely#nowhere' },
      ],
    },
  ];

  it('gives each card the quiz topic closest to its sections', () => {
    const catalogue = buildCatalogue({
      quizzes,
      decks: [
        {
          id: 'd',
          title: 'Deck',
          cards: [
            // 1. Its own section: cost 1, cold-start 1, a tie: alphabetical.
            { id: 'd/section', kind: 'table', sources: ['paradigms#cost-model'], tags: ['migration'] },
            // 2. A hand-written card's tag that is a quiz topic.
            { id: 'd/hand', kind: 'hand', sources: ['paradigms#sticky'], tags: ['auth', 'sessions'] },
            // 3. The ## section around it: "Costs" holds cost 1, cold-start 2.
            { id: 'd/around', kind: 'table', sources: ['paradigms#pricing-table'], tags: ['sessions'] },
            // 4. Nothing asked near it: its note, even though the note is mostly about migration.
            { id: 'd/sticky', kind: 'term', sources: ['paradigms#sticky'], tags: ['sessions'] },
            { id: 'd/lonely', kind: 'hand', sources: ['lonely#intro'], tags: ['unrelated'] },
          ],
        },
      ],
      notes,
    });
    expect(catalogue.quizzes[0]?.questions.q2).toEqual({
      topic: 'cold-start',
      source: 'paradigms#cost-model',
    });
    expect(
      Object.fromEntries(Object.entries(catalogue.decks[0]?.cards ?? {}).map(([id, c]) => [id, c.topic])),
    ).toEqual({
      'd/section': 'cold-start',
      'd/hand': 'sessions',
      'd/around': 'cold-start',
      'd/sticky': 'paradigms',
      'd/lonely': 'lonely',
    });
    expect(catalogue.decks[0]?.cards['d/around']).toEqual({
      topic: 'cold-start',
      sources: ['paradigms#pricing-table'],
    });
    expect(catalogue.topics).toEqual({
      cost: 'Cost',
      'cold-start': 'Cold start',
      migration: 'Migration',
      sessions: 'Sessions',
      paradigms: 'Architecture Paradigms',
      lonely: 'A Note No Quiz Covers',
    });
    // Only the headings something points at, with their text; an unknown heading is left out.
    expect(catalogue.notes).toEqual({
      paradigms: {
        title: 'Architecture Paradigms',
        headings: {
          'cost-model': 'Cost Model',
          'cold-start': 'Cold Start',
          'pricing-table': 'Pricing Table',
          migration: 'Migration',
          'phase-1': 'Phase 1',
          'phase-2': 'Phase 2',
          sticky: 'Sticky Sessions',
        },
      },
      lonely: { title: 'A Note No Quiz Covers', headings: { intro: 'Intro' } },
    });
  });

  it('the ## section around a heading', () => {
    expect(enclosingSection('paradigms#pricing-table', notes)).toEqual([
      'paradigms#costs',
      'paradigms#cost-model',
      'paradigms#cold-start',
      'paradigms#pricing-table',
    ]);
    expect(enclosingSection('paradigms#migration', notes)).toEqual([
      'paradigms#migration',
      'paradigms#phase-1',
      'paradigms#phase-2',
    ]);
    expect(enclosingSection('paradigms#intro', notes)).toEqual(['paradigms#intro']);
    expect(enclosingSection('paradigms#nope', notes)).toEqual(['paradigms#nope']);
    expect(enclosingSection('ghost#h', notes)).toEqual(['ghost#h']);
  });

  it('edge cases: no sources, unknown notes; labels', () => {
    const none = new Map<string, Map<string, number>>();
    expect(cardTopic({ sources: ['n#h'] }, none, notes)).toBe('n');
    expect(cardTopic({ sources: [] }, none, notes)).toBe('');
    expect(topicLabel('cold-start')).toBe('Cold start');
    const ghost = buildCatalogue({
      quizzes: [],
      decks: [{ id: 'd', title: 'D', cards: [{ id: 'd/x', sources: ['ghost#h'] }] }],
      notes,
    });
    expect(ghost.notes).toEqual({});
    expect(ghost.topics).toEqual({ ghost: 'Ghost' });
  });
});
