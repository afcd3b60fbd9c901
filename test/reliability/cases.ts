/**
 * Every case of the reliability suite, by category. The tests in this folder (and
 * test/e2e/tabs.spec.ts for the browser ones) run each of them; table.test.ts counts them.
 */
import type { Case, Category } from './support.ts';

const NOW = '2026-12-01T10:00:00.000Z';
const card = (over: Record<string, unknown> = {}) => ({
  due: '2026-12-02T10:00:00.000Z',
  stability: 3,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 1,
  learning_steps: 0,
  reps: 2,
  lapses: 0,
  state: 2,
  last_review: '2026-11-30T10:00:00.000Z',
  ...over,
});
const attempt = (at: string, quizId = 'serverless-or-servers') => ({
  quizId,
  at,
  score: 1,
  max: 2,
  retry: false,
  questions: { q1: { score: 1, max: 2, topic: 'cost' } },
});
const file = (records: Record<string, unknown>) =>
  JSON.stringify({ app: 'tradeoffs', kind: 'progress', format: 1, exportedAt: NOW, records });
const flashcards = (data: unknown) => ({ 'tradeoffs.flashcards': { version: 1, data } });
const quiz = (data: unknown) => ({ 'tradeoffs.quiz-attempts': { version: 1, data } });
const progress = (cards: Record<string, unknown>, log: unknown[] = []) => ({
  cards,
  log,
  settings: { newPerDay: 20 },
});

/** Progress files imported into a browser that already holds progress (see imports.test.ts). */
export const IMPORTS: Case<string>[] = [
  { name: 'not JSON', expect: 'refused', input: 'PK\u0003\u0004 a zip file' },
  { name: 'another app’s JSON', expect: 'refused', input: '{"name":"my-app","version":"1.0.0"}' },
  { name: 'a JSON array', expect: 'refused', input: '[]' },
  { name: 'a newer file format', expect: 'refused', input: file({}).replace('"format":1', '"format":2') },
  {
    name: 'an unknown record',
    expect: 'refused',
    input: file({ 'tradeoffs.other': { version: 1, data: {} } }),
  },
  {
    name: 'a record from a newer site',
    expect: 'refused',
    input: file({ 'tradeoffs.flashcards': { version: 9, data: {} } }),
  },
  { name: 'no records at all', expect: 'refused', input: file({}) },
  {
    name: 'negative reps',
    expect: 'refused',
    input: file(flashcards(progress({ 'd/a': card({ reps: -1 }) }))),
  },
  { name: 'attempts that are not a list', expect: 'refused', input: file(quiz({ attempts: 'oops' })) },
  {
    name: 'a rating of 7',
    expect: 'refused',
    input: file(flashcards(progress({}, [{ card: 'd/a', rating: 7, state: 0, at: NOW }]))),
  },
  {
    name: 'only the quiz record (partial file)',
    expect: 'accepted',
    input: file(quiz({ attempts: [attempt('2026-11-29T10:00:00.000Z')] })),
  },
  {
    name: 'only the flashcard record (partial file)',
    expect: 'accepted',
    input: file(flashcards(progress({ 'd/b': card() }))),
  },
  {
    name: 'the same file imported twice',
    expect: 'accepted',
    input: file({
      ...quiz({ attempts: [attempt('2026-11-30T09:00:00.000Z')] }),
      ...flashcards(progress({ 'd/a': card() })),
    }),
  },
  {
    name: 'a card with stability 0 (scheduler would throw)',
    expect: 'accepted',
    input: file(flashcards(progress({ 'd/z': card({ stability: 0 }) }))),
  },
  {
    name: 'a card reviewed in the future',
    expect: 'accepted',
    input: file(flashcards(progress({ 'd/f': card({ last_review: '2030-01-01T00:00:00.000Z' }) }))),
  },
  {
    name: 'a card whose due date is not a date',
    expect: 'accepted',
    input: file(flashcards(progress({ 'd/n': card({ due: '2026-13-45T00:00:00Z' }) }))),
  },
];

/** Damaged or unusual browser storage read by the pages (see storage.test.ts). */
export const STORAGE: Case<string>[] = [
  { name: 'invalid JSON', expect: 'refused', input: '{"version":1,' },
  { name: 'no version', expect: 'refused', input: '{"data":{}}' },
  { name: 'wrong shape', expect: 'refused', input: '{"version":1,"data":{"cards":7}}' },
  {
    name: 'a 1 MB corrupt record seen on 6 visits',
    expect: 'refused',
    input: `{"version":1,"data":"${'x'.repeat(1_000_000)}`,
  },
  { name: 'four different corrupt records in turn', expect: 'refused', input: 'series' },
  { name: 'a newer version', expect: 'refused', input: '{"version":7,"data":{}}' },
  { name: 'storage full when a rating is saved', expect: 'refused', input: 'full' },
  { name: 'points of 0.001 (attempt would fail its schema)', expect: 'refused', input: 'tiny-points' },
  {
    name: 'a card with stability 0',
    expect: 'accepted',
    input: JSON.stringify({ version: 1, data: progress({ 'd/a': card({ stability: 0 }) }) }),
  },
  {
    name: 'a card with last_review in the future',
    expect: 'accepted',
    input: JSON.stringify({
      version: 1,
      data: progress({ 'd/a': card({ last_review: '2031-01-01T00:00:00.000Z' }) }),
    }),
  },
  {
    name: 'a card with difficulty 0',
    expect: 'accepted',
    input: JSON.stringify({ version: 1, data: progress({ 'd/a': card({ difficulty: 0 }) }) }),
  },
];

/** Quiz files the content gate must refuse or show as written (see quizzes.test.ts). */
export const QUIZZES: Case<Record<string, unknown>>[] = [
  { name: 'points of 0.001', expect: 'refused', input: { points: 0.001 } },
  { name: 'points of 1.005', expect: 'refused', input: { points: 1.005 } },
  { name: 'points of 0.25', expect: 'accepted', input: { points: 0.25 } },
  {
    name: 'match: two identical lefts',
    expect: 'refused',
    input: {
      match: [
        ['Image resize', 'Serverless'],
        ['Image resize', 'Traditional'],
      ],
    },
  },
  {
    name: 'match: lefts differing only in case and spaces',
    expect: 'refused',
    input: {
      match: [
        ['Webhook', 'Serverless'],
        [' webhook ', 'Traditional'],
      ],
    },
  },
  {
    name: 'match: one answer spelt two ways',
    expect: 'refused',
    input: {
      match: [
        ['Image resize', 'Serverless'],
        ['Webhook', 'serverless'],
        ['Game', 'Traditional'],
      ],
    },
  },
  {
    name: 'match: distinct lefts, shared rights',
    expect: 'accepted',
    input: {
      match: [
        ['Image resize', 'Serverless'],
        ['Webhook', 'Serverless'],
        ['Game', 'Traditional'],
      ],
    },
  },
  {
    name: 'generics and tags in a prompt',
    expect: 'accepted',
    input: { prompt: 'Use List<String> or <b>bold</b>' },
  },
  { name: 'a comparison with < in an option', expect: 'accepted', input: { option: 'p99 < 20 ms and a<b' } },
];

/** Markup in quiz text that must never run (see quizzes.test.ts). */
export const XSS: Case<string>[] = [
  { name: 'script tag', expect: 'refused', input: 'Hi <script>alert(1)</script>' },
  { name: 'img onerror', expect: 'refused', input: '<img src=x onerror=alert(1)>' },
  { name: 'svg onload', expect: 'refused', input: '<svg onload=alert(1)>' },
  { name: 'iframe', expect: 'refused', input: '<iframe src="https://example.com"></iframe>' },
  {
    name: 'meta refresh',
    expect: 'refused',
    input: '<meta http-equiv="refresh" content="0;url=https://example.com">',
  },
  { name: 'javascript: link', expect: 'refused', input: '[click](javascript:alert(1))' },
  { name: 'javascript: autolink', expect: 'refused', input: '<javascript:alert(1)>' },
  {
    name: 'data: link',
    expect: 'refused',
    input: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  },
  {
    name: 'reference-style javascript: link',
    expect: 'refused',
    input: '[x][a]\n\n[a]: javascript:alert(1)',
  },
  { name: 'image from another host', expect: 'refused', input: '![](https://tracker.example/p.png)' },
  { name: 'form', expect: 'refused', input: '<form action="https://example.com"><button>Go</button></form>' },
  { name: 'a onclick', expect: 'refused', input: '<a href="#" onclick="alert(1)">x</a>' },
  { name: 'style tag', expect: 'refused', input: '<style>body{display:none}</style>' },
  { name: 'bold tag shown as text', expect: 'accepted', input: '<b>bold</b>' },
  { name: 'HTML comment shown as text', expect: 'accepted', input: '<!-- TODO -->' },
  {
    name: 'entity-encoded script shown as text',
    expect: 'accepted',
    input: '&lt;script&gt;alert(1)&lt;/script&gt;',
  },
  { name: 'https link', expect: 'accepted', input: '[docs](https://example.com/docs)' },
];

/** Browser cases run in real Chromium by test/e2e/tabs.spec.ts (names are the test titles). */
export const BROWSER: Record<'multi-tab' | 'update', Case<null>[]> = {
  'multi-tab': [
    { name: 'quiz attempts finished in two tabs are both kept', expect: 'accepted', input: null },
    {
      name: 'a stale /flashcards/ tab changing new cards per day keeps the other tab’s ratings',
      expect: 'accepted',
      input: null,
    },
    { name: 'ratings in two review tabs are all kept', expect: 'accepted', input: null },
  ],
  update: [
    {
      name: 'the Reload button of a second tab works after the first tab updated',
      expect: 'accepted',
      input: null,
    },
    {
      name: 'search in an old tab after an update says so and offers a reload',
      expect: 'refused',
      input: null,
    },
  ],
};

export const CATEGORIES: Record<Category, Case[]> = {
  'bad imports': IMPORTS,
  'bad quizzes': QUIZZES,
  'XSS payloads': XSS,
  'storage faults': STORAGE,
  'multi-tab': BROWSER['multi-tab'],
  update: BROWSER.update,
};
