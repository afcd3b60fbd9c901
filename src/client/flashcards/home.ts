/**
 * /flashcards/: counts per deck, the daily new-card limit, export/import of all progress
 * (src/client/progress/file-ui.ts, shared with /progress/) and the stats. Every card id comes
 * from the progress catalogue (/progress/catalogue.json, precached), not from the page: at 500
 * notes the ids alone made this page megabytes. So this is also where cards removed from the
 * content are dropped from the stored progress.
 */
import { deckCounts, pruneRemoved, reviewStats, withNewPerDay } from '../../domain/flashcards/queue.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { isPackedCatalogue, unpackCatalogue } from '../../domain/progress/packed-catalogue.ts';
import { keepCatalogueAliases } from './aliases.ts';
import { loadProgress, readProblem, saveChange, show, tzOffset } from './store.ts';
import { initProgressFile } from '../progress/file-ui.ts';
import { plural, pluralWord } from '../../domain/content/text.ts';

/**
 * Deck id → its card ids, from the catalogue, null when it cannot be read; and the merged card
 * ids, put where the progress store reads them (`data-card-aliases`).
 */
async function cardIdsByDeck(url: string): Promise<Map<string, string[]> | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const data = (await response.json()) as unknown;
    if (!isPackedCatalogue(data)) return null;
    keepCatalogueAliases(data);
    return new Map(unpackCatalogue(data).decks.map((d) => [d.id, Object.keys(d.cards)]));
  } catch {
    return null;
  }
}

export async function initDeckList(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-progress-status]');
  const list = document.querySelector<HTMLElement>('[data-decks]');
  const byDeck = list ? await cardIdsByDeck(list.dataset.catalogue ?? '') : new Map<string, string[]>();
  if (!byDeck) {
    // Never count (or prune) against an empty list: the page's own card counts stay.
    show(
      status,
      'The list of cards could not be loaded, so the counts are not shown. Reload when you are online.',
    );
    return;
  }
  const decks = [...document.querySelectorAll<HTMLElement>('[data-deck]')].map((el) => ({
    el,
    ids: byDeck.get(el.dataset.deck ?? '') ?? [],
  }));
  const allIds = decks.flatMap((d) => d.ids);
  const read = loadProgress();
  let progress = read.value;
  let message = readProblem(read);
  const known = new Set(allIds);

  if (pruneRemoved(progress, known).dropped.length && allIds.length) {
    const saved = saveChange(progress, (stored) => pruneRemoved(stored, known).progress, 'change');
    progress = saved.progress;
    message = saved.message ?? message;
  }

  function render() {
    const now = new Date();
    const tz = tzOffset(now);
    for (const deck of decks) {
      const c = deckCounts(deck.ids, progress, now, tz);
      const line = deck.el.querySelector<HTMLElement>('[data-deck-counts]');
      if (line) {
        line.replaceChildren(
          ...[
            [c.new, 'new'],
            [c.learning, 'learning'],
            [c.due, 'due'],
            [c.total, pluralWord(c.total, 'card')],
          ].map(([n, label]) => {
            const span = document.createElement('span');
            span.className = `count count-${label}`;
            span.textContent = `${n} ${label}`;
            return span;
          }),
        );
      }
    }
    const summary = document.querySelector<HTMLElement>('[data-today-summary]');
    if (summary) {
      const all = deckCounts(allIds, progress, now, tz);
      summary.textContent =
        all.due + all.learning + all.new
          ? `Today: ${plural(all.new, 'new card')} · ${all.learning} learning · ${plural(all.due, 'review')} due.`
          : `Nothing due today. ${plural(allIds.length, 'card')} in ${plural(decks.length, 'deck')}.`;
    }
    renderStats(now, tz);
  }

  function renderStats(now: Date, tz: number) {
    const section = document.querySelector<HTMLElement>('[data-stats]');
    if (!section) return;
    const stats = reviewStats(allIds, progress, now, tz);
    const state = section.querySelector('[data-stats-state]') as HTMLElement;
    state.replaceChildren(
      ...(
        [
          ['New', stats.byState.new],
          ['Learning', stats.byState.learning],
          ['Review', stats.byState.review],
        ] as const
      ).flatMap(([label, n]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = String(n);
        return [dt, dd];
      }),
    );
    const r = stats.retention;
    (section.querySelector('[data-stats-retention]') as HTMLElement).textContent =
      r.rate === undefined
        ? 'No reviews of learned cards in the last 30 days yet.'
        : `${Math.round(r.rate * 100)} % remembered: ${r.passed} of ${plural(r.reviewed, 'review')} of learned cards in the last 30 days.`;
    const max = Math.max(1, ...stats.perDay.map((d) => d.count));
    const body = section.querySelector('[data-stats-days]') as HTMLElement;
    body.replaceChildren(
      ...stats.perDay.map((d) => {
        const row = document.createElement('tr');
        const day = document.createElement('th');
        day.scope = 'row';
        day.textContent = new Date(`${d.day}T12:00:00`).toLocaleDateString([], {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
        });
        const cell = document.createElement('td');
        const bar = document.createElement('span');
        bar.className = 'day-bar';
        // CSSOM, not a style attribute: allowed by the strict CSP.
        bar.style.setProperty('--share', String(d.count / max));
        const n = document.createElement('span');
        n.textContent = String(d.count);
        cell.append(bar, n);
        row.append(day, cell);
        return row;
      }),
    );
    section.hidden = false;
  }

  const perDay = document.querySelector<HTMLInputElement>('[data-new-per-day]');
  if (perDay) {
    perDay.value = String(progress.settings.newPerDay);
    perDay.addEventListener('change', () => {
      const wanted = Number(perDay.value);
      // A change to the progress stored now: ratings another tab made since this page loaded stay.
      const saved = saveChange(progress, (stored) => withNewPerDay(stored, wanted), 'setting');
      progress = saved.progress;
      perDay.value = String(progress.settings.newPerDay);
      show(status, saved.message ?? `Up to ${plural(progress.settings.newPerDay, 'new card')} a day.`);
      render();
    });
  }

  initProgressFile(document, {
    say: (text) => show(status, text),
    onImported: reload,
  });

  function reload() {
    progress = loadProgress().value;
    if (perDay && document.activeElement !== perDay) perDay.value = String(progress.settings.newPerDay);
    render();
  }
  // Another tab rated cards or changed the setting: show what is stored, never a stale copy.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === flashcardRecord.key) reload();
  });

  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  show(status, message);
  render();
}
