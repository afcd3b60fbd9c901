/**
 * /progress/: reads the two stored records (quiz attempts, flashcard progress) and the build-time
 * catalogue (/progress/catalogue.json), computes the dashboard (src/domain/progress/dashboard.ts)
 * and draws it with DOM calls: no HTML strings, no style attributes (strict CSP; the sparkline's
 * colours come from CSS classes). Redraws after an import and when another tab saves progress.
 */
import { isPackedCatalogue, unpackCatalogue } from '../../domain/progress/packed-catalogue.ts';
import {
  type Catalogue,
  type Dashboard,
  type Link,
  type QuizProgress,
  type WeakTopic,
  buildDashboard,
  sparkline,
} from '../../domain/progress/dashboard.ts';
import { QUIZ_ATTEMPTS, describeSummary } from '../../domain/quiz/attempts.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { type RecordName, readMessages } from '../../domain/progress/messages.ts';
import {
  type ReadResult,
  type RecordSpec,
  browserStore,
  readRecord,
  updateRecord,
} from '../../domain/progress/storage.ts';
import type { FlashcardProgress, QuizAttempts } from '../../schemas/progress.ts';
import { initProgressFile } from './file-ui.ts';
import { keepCatalogueAliases, pageCardAliases } from '../flashcards/aliases.ts';
import { href } from '../../lib/url.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Weakest topics shown before "more topics". */
const TOP_TOPICS = 5;
const SVG = 'http://www.w3.org/2000/svg';

type Part = Node | string;
type Child = Part | undefined | false;

/** The parts that are there: `cond && element` leaves false out. */
const parts = (...items: Child[]): Part[] => items.filter((i): i is Part => i !== undefined && i !== false);

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) el.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

const hidden = (text: string) => h('span', { class: 'visually-hidden' }, text);
const link = (l: Link, text: Child = l.title, ...more: Child[]) =>
  h('a', { href: href(l.href) }, text, ...more);
const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** Nodes with a separator between them: "a, b, c" lists of links. */
function joined(items: Node[], separator = ', '): Node[] {
  return items.flatMap((item, i) => (i ? [document.createTextNode(separator), item] : [item]));
}

// ---- Records ----

interface Loaded {
  attempts: ReadResult<QuizAttempts>;
  flashcards: ReadResult<FlashcardProgress>;
}

/**
 * Reads a record; one that cannot be read is kept aside by readRecord, and then replaced by an
 * empty one, so it is copied once rather than on every visit (its copy is the reader's to keep).
 */
function load<T>(spec: RecordSpec<T>, now: Date): ReadResult<T> {
  const store = browserStore();
  const read = readRecord(store, spec, now);
  // Stores what was read (empty, or repaired), merged with nothing: the same read, written back.
  if ((read.status === 'corrupt' && read.keptAs) || read.repaired) updateRecord(store, spec, (v) => v, now);
  return read;
}

/**
 * Sentences about records that could not be used. A corrupt record is reported by the read that
 * kept it aside; later reads find the empty record put in its place, so `keptAside` remembers.
 */
function problems(loaded: Loaded, keptAside: Map<string, string>): string[] {
  const out: string[] = [];
  const named: [ReadResult<unknown>, RecordName][] = [
    [loaded.attempts, 'quiz history'],
    [loaded.flashcards, 'flashcard progress'],
  ];
  const unavailable = named.find(([r]) => r.status === 'unavailable');
  if (unavailable) return readMessages(unavailable[1], unavailable[0]);
  for (const [read, name] of named) {
    const lines = readMessages(name, read);
    if (read.status === 'corrupt' || read.repaired) keptAside.set(name, lines.join(' '));
    else out.push(...lines);
  }
  return [...keptAside.values(), ...out];
}

function skippedNote(d: Dashboard): string | undefined {
  const parts = [
    d.skipped.attempts && `${plural(d.skipped.attempts, 'attempt')} at quizzes that no longer exist`,
    d.skipped.questions && `${plural(d.skipped.questions, 'answer')} to questions no longer in their quiz`,
    d.skipped.cards && `${plural(d.skipped.cards, 'card')} no longer in any deck`,
  ].filter(Boolean);
  return parts.length ? `Left out, as the content changed since: ${parts.join('; ')}.` : undefined;
}

// ---- Sections ----

function scoreChart(quiz: QuizProgress): Node | undefined {
  const full = quiz.points.filter((p) => !p.retry);
  if (!full.length) return undefined;
  const width = 160;
  const height = 48;
  const dots = sparkline(
    full.map((p) => p.percent),
    width,
    height,
  );
  const chart = svg('svg', {
    class: 'sparkline',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `Scores of full attempts, oldest first: ${full.map((p) => `${p.percent} %`).join(', ')}`,
  });
  for (const y of [4, height / 2, height - 4])
    chart.append(svg('line', { class: 'spark-grid', x1: 0, x2: width, y1: y, y2: y }));
  if (dots.length > 1)
    chart.append(
      svg('polyline', { class: 'spark-line', points: dots.map((d) => `${d.x},${d.y}`).join(' ') }),
    );
  for (const d of dots) chart.append(svg('circle', { class: 'spark-dot', cx: d.x, cy: d.y, r: 3 }));
  return chart;
}

function scoreTable(quiz: QuizProgress): HTMLElement {
  return h(
    'details',
    { class: 'score-history' },
    h('summary', {}, 'Every attempt', hidden(`: ${quiz.title}`)),
    h(
      'table',
      { class: 'dash-table' },
      h('caption', { class: 'visually-hidden' }, `Attempts at ${quiz.title}, oldest first`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Finished'), h('th', { scope: 'col' }, 'Score'))),
      h(
        'tbody',
        {},
        ...quiz.points.map((p) =>
          h(
            'tr',
            {},
            h('td', {}, when(p.at)),
            h('td', {}, `${p.percent} %`, p.retry ? ' (retry of the missed ones)' : ''),
          ),
        ),
      ),
    ),
  );
}

function renderScores(d: Dashboard): Part[] {
  const untaken =
    d.untaken.length > 0 &&
    h(
      'p',
      { class: 'dash-help' },
      d.quizzes.length ? 'Not taken yet: ' : 'No quiz taken yet. Try one: ',
      ...joined(d.untaken.map((q) => link(q))),
      '.',
    );
  if (!d.quizzes.length) return [untaken || h('p', {}, 'No quiz taken yet.')];
  return parts(
    h(
      'ul',
      { class: 'card-grid score-grid' },
      ...d.quizzes.map((q) =>
        h(
          'li',
          { class: 'card score-card', 'data-score-quiz': q.id },
          h('h3', {}, link(q)),
          h('p', { class: 'score-summary' }, describeSummary(q.summary) ?? ''),
          scoreChart(q),
          scoreTable(q),
          q.missed > 0 &&
            h(
              'p',
              { class: 'score-retry' },
              link(
                { ...q, href: q.retryHref },
                `Retry the ${plural(q.missed, 'question')} you missed`,
                hidden(`: ${q.title}`),
              ),
            ),
        ),
      ),
    ),
    untaken,
  );
}

function topicItem(t: WeakTopic): HTMLElement {
  const counts = [
    t.questions && `${plural(t.questions, 'question')} missed`,
    t.cards && `${plural(t.cards, 'card')} forgotten`,
  ].filter(Boolean);
  const actions = [
    ...t.quizzes.map((q) => link(q, `Retry missed questions in ${q.title}`)),
    ...t.decks.map((deck) => link(deck, `Review ${deck.title}`)),
  ];
  return h(
    'li',
    { class: 'card weak-topic', 'data-topic': t.topic },
    h('h3', {}, t.label),
    h('p', { class: 'weak-counts' }, counts.join(' · ')),
    h('p', { class: 'weak-reread' }, 'Re-read:'),
    h(
      'ul',
      { class: 'reread-list' },
      ...t.sections.map((s) =>
        h(
          'li',
          {},
          h('a', { href: href(s.href) }, s.heading),
          h('span', { class: 'reread-note' }, ` — ${s.note}`),
        ),
      ),
    ),
    actions.length > 0 && h('p', { class: 'weak-actions' }, ...joined(actions, ' · ')),
  );
}

function renderWeak(d: Dashboard): Part[] {
  if (!d.weakTopics.length)
    return [
      h(
        'p',
        {},
        'Nothing missed: every quiz question right the last time you answered it, and no flashcard forgotten in the last 30 days.',
      ),
    ];
  const top = d.weakTopics.slice(0, TOP_TOPICS);
  const rest = d.weakTopics.slice(TOP_TOPICS);
  return parts(
    h('ol', { class: 'card-grid weak-list' }, ...top.map(topicItem)),
    rest.length > 0 &&
      h(
        'details',
        { class: 'weak-more' },
        h('summary', {}, `${plural(rest.length, 'more topic')} with misses`),
        h('ol', { class: 'card-grid weak-list', start: String(TOP_TOPICS + 1) }, ...rest.map(topicItem)),
      ),
  );
}

function renderDue(d: Dashboard): Part[] {
  const due = d.due;
  const fresh = due.newToday > 0 ? ` Up to ${plural(due.newToday, 'new card')} can be started today.` : '';
  if (!due.started)
    return [
      h(
        'p',
        {},
        `No flashcard reviewed yet.${fresh} `,
        h('a', { href: href('/flashcards/') }, 'Choose a deck'),
        '.',
      ),
    ];
  if (!due.week)
    return [
      h(
        'p',
        { 'data-due-summary': '' },
        'Nothing due in the next 7 days',
        due.nextDue ? ` (next: ${when(due.nextDue)}).` : '.',
        fresh,
      ),
    ];
  return parts(
    h(
      'p',
      { class: 'due-summary', 'data-due-summary': '' },
      `${plural(due.now, 'card')} due now · ${due.today} today · ${due.week} in the next 7 days.${fresh}`,
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'dash-table due-table' },
        h('caption', { class: 'visually-hidden' }, 'Cards due by deck'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Deck'),
            h('th', { scope: 'col' }, 'Now'),
            h('th', { scope: 'col' }, 'Today'),
            h('th', { scope: 'col' }, 'Next 7 days'),
            h('th', { scope: 'col' }, hidden('Review')),
          ),
        ),
        h(
          'tbody',
          {},
          ...due.decks.map((deck) =>
            h(
              'tr',
              { 'data-due-deck': deck.id },
              h('th', { scope: 'row' }, deck.title),
              h('td', {}, String(deck.now)),
              h('td', {}, String(deck.today)),
              h('td', {}, String(deck.week)),
              h('td', {}, link(deck, 'Review now', hidden(`: ${deck.title}`))),
            ),
          ),
        ),
      ),
    ),
    due.now > 0 &&
      h('p', {}, h('a', { class: 'button', href: href('/flashcards/all/') }, 'Review all due cards')),
  );
}

// ---- Page ----

async function fetchCatalogue(url: string): Promise<Catalogue> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const raw = (await response.json()) as unknown;
  // The merged card ids come with the catalogue (inlined, they grew this page with the pile),
  // put where the progress store reads them, so an import below maps them too.
  if (isPackedCatalogue(raw)) keepCatalogueAliases(raw);
  const data = (isPackedCatalogue(raw) ? unpackCatalogue(raw) : raw) as Catalogue;
  if (!Array.isArray(data?.quizzes) || !Array.isArray(data.decks) || typeof data.notes !== 'object')
    throw new Error('unexpected content');
  return data;
}

export function initProgressPage(): void {
  const root = document.querySelector<HTMLElement>('[data-dashboard]');
  if (!root) return;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector) as T;
  const loading = $('[data-dashboard-loading]');
  const notices = $('[data-dashboard-notices]');
  const empty = $('[data-dashboard-empty]');
  const sections = [...root.querySelectorAll<HTMLElement>('[data-dashboard-section]')];
  const status = $('[data-progress-status]');
  let catalogue: Catalogue | undefined;
  let aliases: Record<string, string> = {};
  const keptAside = new Map<string, string>();

  const say = (text: string) => {
    status.textContent = text;
  };
  const showNotices = (lines: string[]) => {
    notices.replaceChildren(...lines.map((line) => h('p', {}, line)));
    notices.hidden = !lines.length;
  };

  function render() {
    if (!catalogue) return;
    const now = new Date();
    const loaded: Loaded = { attempts: load(QUIZ_ATTEMPTS, now), flashcards: load(flashcardRecord, now) };
    const d = buildDashboard({
      attempts: loaded.attempts.value,
      flashcards: loaded.flashcards.value,
      catalogue,
      now,
      tzOffset: now.getTimezoneOffset(),
      aliases,
    });
    showNotices([...problems(loaded, keptAside), skippedNote(d)].filter((l): l is string => Boolean(l)));
    empty.hidden = d.hasProgress;
    for (const section of sections) section.hidden = !d.hasProgress;
    $('[data-scores]').replaceChildren(...renderScores(d));
    $('[data-weak]').replaceChildren(...renderWeak(d));
    $('[data-due]').replaceChildren(...renderDue(d));
  }

  initProgressFile(root, { say, onImported: render });
  // Another tab finished a quiz or rated a card.
  window.addEventListener('storage', (event) => {
    if (event.key === QUIZ_ATTEMPTS.key || event.key === flashcardRecord.key) render();
  });

  loading.hidden = false;
  fetchCatalogue(root.dataset.catalogue ?? '')
    .then((data) => {
      catalogue = data;
      aliases = pageCardAliases();
      render();
    })
    .catch((error: unknown) => {
      showNotices([
        `The list of quizzes and cards could not be loaded (${String(error)}), so your progress cannot be shown. Reload when you are online.`,
      ]);
    })
    .finally(() => {
      loading.hidden = true;
    });
}
