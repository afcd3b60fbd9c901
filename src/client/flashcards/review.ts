/**
 * The review on /flashcards/<deck>/: reads the deck's cards from the card list on the page (the
 * no-JS version of the deck), asks src/domain for the next card, and saves each rating. Keys:
 * Space/Enter show the answer, 1–4 rate, u undoes; a tap on the card shows the answer.
 */
import { type Counts, type NextCard, deckCounts, nextCard } from '../../domain/flashcards/queue.ts';
import { type Undo, applyRating, undoRating } from '../../domain/flashcards/rating.ts';
import { RATINGS, type Rating1to4, formatInterval, preview } from '../../domain/flashcards/scheduler.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { type Saved, loadProgress, readProblem, saveChange, show, tzOffset } from './store.ts';
import { lazy } from '../lazy.ts';
import { reconcileFlashcards } from '../../domain/progress/merge.ts';
import { plural } from '../../domain/content/text.ts';

const exportOffer = lazy('the export', () => import('../progress/export-offer.ts'));

interface CardView {
  context: string;
  front: string;
  back: string;
  source: HTMLElement | null;
}

function readCards(): Map<string, CardView> {
  const cards = new Map<string, CardView>();
  for (const li of document.querySelectorAll<HTMLElement>('[data-card-list] > li[data-card-id]')) {
    cards.set(li.dataset.cardId as string, {
      context: li.querySelector('.card-context')?.textContent ?? '',
      front: li.querySelector('.card-front')?.textContent ?? '',
      back: li.querySelector('.card-answer')?.textContent ?? '',
      source: li.querySelector('.card-source'),
    });
  }
  return cards;
}

const countsText = (c: Counts) =>
  `${plural(c.new, 'new card')} · ${c.learning} learning · ${plural(c.due, 'review')} due`;

export function initReview(): void {
  const root = document.querySelector<HTMLElement>('[data-review]');
  // The offline deck page calls again once it has filled in the cards.
  if (!root || root.hasAttribute('data-review-pending')) return;
  const $ = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-${name}]`) as T;
  const cards = readCards();
  const ids = [...cards.keys()];
  const read = loadProgress();
  let progress = read.value;
  let current: string | undefined;
  let flipped = false;
  const undos: Undo[] = [];
  const notice = $('review-notice');
  let problem = readProblem(read);
  show(notice, problem);

  /** After a save: what is stored now, and a word if it was not saved (with the export offered). */
  function saved(result: Saved) {
    progress = result.progress;
    show(notice, result.message ?? problem);
    // The export holds what this tab holds, even the ratings storage could not take.
    if (result.full)
      void exportOffer()
        .then(({ offerExport }) =>
          offerExport(
            document,
            () => new Map([[flashcardRecord.key, progress]]),
            (text) => show(notice, text),
          ),
        )
        .catch(() => undefined); // lazy() has told the reader the module is gone
  }

  const card = $('review-card');
  const back = $('review-back');
  const flip = $<HTMLButtonElement>('review-flip');
  const ratings = $('review-ratings');
  const undo = $<HTMLButtonElement>('review-undo');
  const done = $('review-done');

  /** Shows the next card, or `forced` (the card whose rating was just undone). */
  function showCounts(now: Date) {
    $('review-counts').textContent = countsText(deckCounts(ids, progress, now, tzOffset(now)));
    undo.disabled = undos.length === 0;
  }

  function render(focus = false, forced?: string) {
    const now = new Date();
    const tz = tzOffset(now);
    showCounts(now);
    const next: NextCard | { id: string; reason: 'undo' } =
      forced && cards.has(forced) ? { id: forced, reason: 'undo' } : nextCard(ids, progress, now, tz);
    current = next.id;
    flipped = false;
    if (next.reason === 'done') {
      card.hidden = true;
      done.hidden = false;
      const later = next.nextDue
        ? ` Cards you are still learning come back at ${new Date(next.nextDue).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
        : '';
      $('review-done-text').textContent = ids.length
        ? `Done for now: nothing else is due in this deck today.${later}`
        : 'This deck has no cards.';
      if (focus) done.querySelector('a')?.focus();
      return;
    }
    const view = cards.get(next.id) as CardView;
    done.hidden = true;
    card.hidden = false;
    $('review-context').textContent = view.context;
    $('review-front').textContent = view.front;
    $('review-answer').textContent = view.back;
    const source = $('review-source');
    source.replaceChildren(...(view.source ? [...view.source.cloneNode(true).childNodes] : []));
    back.hidden = true;
    ratings.hidden = true;
    flip.hidden = false;
    card.dataset.reason = next.reason;
    if (focus) flip.focus();
  }

  function showAnswer() {
    if (!current || flipped) return;
    flipped = true;
    const now = new Date();
    const outcomes = preview(progress.cards[current], now);
    for (const button of ratings.querySelectorAll<HTMLButtonElement>('[data-rating]')) {
      const r = Number(button.dataset.rating) as Rating1to4;
      const label = formatInterval(outcomes[r].interval);
      (button.querySelector('[data-next]') as HTMLElement).textContent = label;
      button.setAttribute(
        'aria-label',
        `${button.firstElementChild?.textContent}: next in ${label} (key ${r})`,
      );
    }
    back.hidden = false;
    flip.hidden = true;
    ratings.hidden = false;
    (ratings.querySelector('[data-rating="3"]') as HTMLButtonElement).focus();
  }

  function rateCurrent(rating: Rating1to4) {
    if (!current || !flipped) return;
    const id = current;
    const now = new Date();
    let undo: Undo = { id };
    saved(
      saveChange(
        progress,
        (stored) => {
          const result = applyRating(stored, id, rating, now);
          undo = result.undo;
          return result.progress;
        },
        'rating',
      ),
    );
    undos.push(undo);
    render(true);
  }

  function undoLast() {
    const last = undos.pop();
    if (!last) return;
    saved(saveChange(progress, (stored) => undoRating(stored, last), 'change'));
    render(true, last.id);
  }

  flip.addEventListener('click', showAnswer);
  $('review-face').addEventListener('click', (event) => {
    if (!(event.target as HTMLElement).closest('a')) showAnswer();
  });
  ratings.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-rating]');
    if (button) rateCurrent(Number(button.dataset.rating) as Rating1to4);
  });
  undo.addEventListener('click', undoLast);
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable], summary')) return;
    const onControl = target.closest('button, a');
    if ((event.key === ' ' || event.key === 'Enter') && !onControl && !flipped && current) {
      event.preventDefault();
      showAnswer();
    } else if (RATINGS.includes(Number(event.key) as Rating1to4) && flipped) {
      event.preventDefault();
      rateCurrent(Number(event.key) as Rating1to4);
    } else if (event.key === 'u' || event.key === 'U') {
      event.preventDefault();
      undoLast();
    }
  });
  // Another tab rated cards: pick up its progress rather than overwrite it.
  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== flashcardRecord.key) return;
    const read = loadProgress();
    const shown = current === undefined ? undefined : JSON.stringify(progress.cards[current]);
    const reconciled = reconcileFlashcards(progress, read.value);
    progress = reconciled.progress;
    // The other tab's write was based on a read that missed a rating of ours: write it again.
    if (reconciled.writeBack && read.writable)
      progress = saveChange(
        progress,
        (stored) => reconcileFlashcards(progress, stored).progress,
        'rating',
      ).progress;
    problem = readProblem(read);
    show(notice, problem);
    undos.length = 0;
    // The card on screen stays (its answer too, if shown) unless the other tab rated that card.
    if (current !== undefined && JSON.stringify(progress.cards[current]) === shown) showCounts(new Date());
    else render();
  });
  root.classList.add('is-ready');
  document.querySelector('[data-card-list]')?.closest('section')?.classList.add('card-list-secondary');
  render();
}
