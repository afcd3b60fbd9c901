/**
 * The quiz page in the browser. It reads the page, asks src/domain/quiz for every decision
 * (scoring.ts: scores and per-option/item/pair verdicts; session.ts: what a checked question says,
 * what comes next, the attempt record, the retry set, the results summary) and shows them with
 * ./view.ts, which fills the build-time templates of src/components/QuizTemplates.astro. The
 * answer key is fetched, not in the page. Attempts are saved with updateRecord, so a quiz finished in another tab is kept.
 *
 * What other modules (a progress panel, tests) can rely on, and this module keeps observable:
 * - each question is `li.question[data-qid][data-type][data-topic]` with id `q-<qid>`, inside
 *   `[data-quiz-id]`; a question not part of the current attempt is `hidden`;
 * - a checked question gets the class `is-checked` (removed when an attempt starts again); its
 *   verdict is `.q-feedback .verdict.verdict-right|verdict-partial|verdict-wrong`;
 * - `[data-quiz-progress]` says "N of M checked", `[data-quiz-results]` is unhidden at the end;
 * - `quiz:attempt` (`{ questionIds }`) when an attempt starts and `quiz:answered`
 *   (`{ questionId, correct, points, max }`) when a question is checked, for the progress panel
 *   (src/client/quiz/progress-panel.ts); and `quiz:change` (`{ active, checked }`) after every
 *   change of state, once the DOM is updated.
 */
import { QUIZ_ATTEMPTS, addAttempt, describeSummary, summarize } from '../../domain/quiz/attempts.ts';
import { type QuestionScore, type Response, scoreQuestion, scoreQuiz } from '../../domain/quiz/scoring.ts';
import { attemptRecord, nextOpen, resultSummary, retryChoice } from '../../domain/quiz/session.ts';
import { hashSeed, seededRandom, shuffle, shuffleUnsolved } from '../../domain/quiz/shuffle.ts';
import { readMessages, writeMessage } from '../../domain/progress/messages.ts';
import { browserStore, readRecord, updateRecord } from '../../domain/progress/storage.ts';
import type { QuestionKey, QuizKey } from '../../lib/quiz-view.ts';
import type { QuizAttempts } from '../../schemas/progress.ts';
import { lazy } from '../lazy.ts';
import { feedbackNode, freeRevealNode, line, mark, responseOf, resultsNode } from './view.ts';

const exportOffer = lazy('the export', () => import('../progress/export-offer.ts'));

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
const $$ = <T extends Element>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

export function initQuiz(): void {
  const root = $<HTMLElement>(document, '[data-quiz-id]');
  if (!root) return;
  // Events for the progress panel and other listeners are dispatched here.
  const host: HTMLElement = root;
  const quizId = root.dataset.quizId ?? '';
  const questions = $$<HTMLLIElement>(root, 'li.question');
  const byId = new Map(questions.map((el) => [el.dataset.qid ?? '', el]));
  const allIds = [...byId.keys()];
  const notice = $<HTMLElement>(root, '[data-quiz-notice]');
  const progress = $<HTMLElement>(root, '[data-quiz-progress]');
  const history = $<HTMLElement>(root, '[data-quiz-history]');
  const finishBar = $<HTMLElement>(root, '[data-quiz-finish]');
  const results = $<HTMLElement>(root, '[data-quiz-results]');
  const resultsBody = $<HTMLElement>(root, '[data-results-body]');
  const saveNotice = $<HTMLElement>(root, '[data-quiz-save-notice]');
  /** Where the reader is when a result cannot be saved: at the results, not the top of the page. */
  const saySaved = (text: string) => {
    if (!saveNotice) return;
    saveNotice.textContent = text;
    saveNotice.hidden = !text;
  };

  const store = browserStore();
  const firstRead = readRecord(store, QUIZ_ATTEMPTS, new Date());
  /** The history as stored now (another tab may have added to it since this page loaded). */
  let attempts: QuizAttempts = firstRead.value;
  const reread = () => {
    attempts = readRecord(store, QUIZ_ATTEMPTS, new Date()).value;
    return attempts;
  };
  const notices: string[] = readMessages('quiz history', firstRead);
  const showNotices = () => {
    if (!notice) return;
    notice.hidden = notices.length === 0;
    notice.replaceChildren(...notices.map((n) => line('notice', n)));
  };
  showNotices();

  let keyPromise: Promise<QuizKey> | undefined;
  const loadKey = () =>
    (keyPromise ??= fetch(root.dataset.keyUrl ?? '').then((r) => {
      if (!r.ok) throw new Error(`answer key: HTTP ${r.status}`);
      return r.json() as Promise<QuizKey>;
    }));

  let active: string[] = [];
  let retry = false;
  let scores: Record<string, QuestionScore> = {};

  const changed = () =>
    root.dispatchEvent(
      new CustomEvent('quiz:change', { detail: { active: [...active], checked: Object.keys(scores) } }),
    );

  const showHistory = () => {
    if (!history) return;
    const text = describeSummary(summarize(attempts, quizId));
    history.hidden = !text;
    history.textContent = text ?? '';
  };

  const updateProgress = () => {
    if (!progress) return;
    const done = active.filter((id) => scores[id]).length;
    progress.hidden = false;
    progress.textContent = `${done} of ${active.length} checked${retry ? ' · retrying the ones you missed' : ''}`;
  };

  function resetQuestion(el: HTMLLIElement, random: () => number) {
    el.classList.remove('is-checked');
    for (const input of $$<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>(
      el,
      'input, select, textarea, button',
    )) {
      input.disabled = false;
      if (input instanceof HTMLInputElement) input.checked = false;
      if (input instanceof HTMLSelectElement) input.value = '';
    }
    for (const fb of $$<HTMLElement>(el, '.q-option-feedback')) {
      fb.hidden = true;
      fb.replaceChildren();
    }
    $$<HTMLElement>(el, '.is-right, .is-wrong, .is-missed, .is-other').forEach((n) =>
      n.classList.remove('is-right', 'is-wrong', 'is-missed', 'is-other'),
    );
    $$<HTMLElement>(el, '.mark').forEach((n) => n.remove());
    const reveal = $<HTMLElement>(el, '.q-free-reveal');
    if (reveal) {
      reveal.hidden = true;
      reveal.replaceChildren();
    }
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    if (textarea) textarea.readOnly = false;
    $<HTMLElement>(el, '.q-feedback')?.replaceChildren();
    const actions = $<HTMLElement>(el, '.q-actions');
    if (actions) actions.hidden = false;
    const options = $<HTMLElement>(el, '.q-options');
    if (options) {
      const items = $$<HTMLLIElement>(options, ':scope > li');
      options.append(...shuffle(items, random, (li) => li.dataset.fixed !== undefined));
    }
    const order = $<HTMLElement>(el, '.q-order');
    if (order) order.append(...shuffleUnsolved($$<HTMLLIElement>(order, ':scope > li'), random));
  }

  function startAttempt(ids: string[], isRetry: boolean) {
    // The one place randomness enters: a fresh seed per attempt; the shuffles are pure.
    const seed = Math.floor(Math.random() * 2 ** 32);
    active = ids;
    retry = isRetry;
    scores = {};
    for (const [id, el] of byId) {
      el.hidden = !ids.includes(id);
      if (!el.hidden) resetQuestion(el, seededRandom(hashSeed(`${id}:${seed}`)));
    }
    if (results) results.hidden = true;
    if (finishBar) finishBar.hidden = false;
    updateProgress();
    // Observed by the progress panel (src/client/quiz/progress-panel.ts).
    host.dispatchEvent(new CustomEvent('quiz:attempt', { bubbles: true, detail: { questionIds: ids } }));
    changed();
  }

  function settle(el: HTMLLIElement, entry: QuestionKey, response: Response) {
    const id = entry.question.id;
    const score = scoreQuestion(entry.question, response);
    scores[id] = score;
    host.dispatchEvent(
      new CustomEvent('quiz:answered', {
        bubbles: true,
        detail: { questionId: id, correct: score.correct, points: score.score, max: score.max },
      }),
    );
    el.classList.add('is-checked');
    for (const input of $$<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>(
      el,
      'fieldset input, fieldset select, fieldset button',
    ))
      input.disabled = true;
    const actions = $<HTMLElement>(el, '.q-actions');
    if (actions) actions.hidden = true;
    const next = nextOpen(active, scores, id);
    const feedback = $<HTMLElement>(el, '.q-feedback');
    if (feedback) {
      feedback.replaceChildren(feedbackNode(score, entry, next));
      // The check button is gone: keep the keyboard where the reader will go next.
      $<HTMLButtonElement>(feedback, 'button')?.focus();
    }
    updateProgress();
    changed();
  }

  async function check(el: HTMLLIElement) {
    const id = el.dataset.qid ?? '';
    const type = el.dataset.type ?? '';
    const feedback = $<HTMLElement>(el, '.q-feedback');
    let key: QuizKey;
    try {
      key = await loadKey();
    } catch {
      keyPromise = undefined;
      feedback?.replaceChildren(
        line(
          'message',
          'The answers could not be loaded. Check your connection and try again.',
          'verdict-wrong',
        ),
      );
      return;
    }
    const entry = key.questions[id];
    if (!entry) return;
    if (type === 'free') {
      revealFree(el, entry);
      return;
    }
    const response = responseOf(el, type);
    if (typeof response === 'string') {
      feedback?.replaceChildren(line('message', response, 'verdict-hint'));
      return;
    }
    mark(el, entry, response);
    settle(el, entry, response);
  }

  function revealFree(el: HTMLLIElement, entry: QuestionKey) {
    const q = entry.question;
    const reveal = $<HTMLElement>(el, '.q-free-reveal');
    if (q.type !== 'free' || !reveal) return;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    if (textarea) textarea.readOnly = true;
    reveal.replaceChildren(freeRevealNode(q, entry));
    reveal.hidden = false;
    const actions = $<HTMLElement>(el, '.q-actions');
    if (actions) actions.hidden = true;
    $<HTMLElement>(reveal, 'h3')?.focus();
  }

  async function scoreFree(el: HTMLLIElement) {
    const entry = (await loadKey()).questions[el.dataset.qid ?? ''];
    if (!entry) return;
    const response = responseOf(el, 'free') as Response;
    for (const input of $$<HTMLInputElement>(el, '.q-rubric input, .q-free-reveal button'))
      input.disabled = true;
    settle(el, entry, response);
  }

  function save(key: QuizKey, total: ReturnType<typeof scoreQuiz>) {
    const asked = active.flatMap((id) => (key.questions[id] ? [key.questions[id].question] : []));
    const now = new Date();
    const record = attemptRecord(quizId, asked, scores, total, retry, now);
    saySaved('');
    if (!record.ok) {
      saySaved(writeMessage('invalid', record.problem, 'result'));
      return;
    }
    // Added to the history as stored now: an attempt saved by another tab stays.
    const saved = updateRecord(store, QUIZ_ATTEMPTS, (stored) => addAttempt(stored, record.attempt), now);
    const offer = $<HTMLElement>(host, '[data-export-offer]');
    if (offer) offer.hidden = true;
    // Storage full: the export holds this tab's history, the attempt storage refused included.
    if (!saved.ok && (saved.code === 'full' || saved.code === 'unreadable'))
      void exportOffer()
        .then(({ offerExport }) =>
          offerExport(host, () => new Map([[QUIZ_ATTEMPTS.key, attempts]]), saySaved),
        )
        .catch(() => undefined); // lazy() has told the reader the module is gone
    if (saved.ok) attempts = saved.value;
    else {
      // Not writable since the page loaded (newer, unavailable): the notice already says so.
      if (saved.code !== 'newer' && saved.code !== 'unavailable')
        saySaved(writeMessage(saved.code, saved.problem, 'result'));
      attempts = addAttempt(attempts, record.attempt);
    }
  }

  function showResults(key: QuizKey, total: ReturnType<typeof scoreQuiz>) {
    const title = (id: string) =>
      $<HTMLElement>(byId.get(id) ?? document, '.q-prompt')?.textContent?.trim() ?? id;
    const summary = resultSummary(total, retry, title, (id) => key.questions[id]?.source);
    resultsBody?.replaceChildren(resultsNode(summary));
  }

  async function finish() {
    let key: QuizKey;
    try {
      key = await loadKey();
    } catch {
      keyPromise = undefined;
      notices.push('The answers could not be loaded, so the quiz cannot be scored. Try again when online.');
      showNotices();
      return;
    }
    const asked = active.flatMap((id) => (key.questions[id] ? [key.questions[id].question] : []));
    const total = scoreQuiz(asked, scores);
    save(key, total);
    showHistory();
    showResults(key, total);
    if (finishBar) finishBar.hidden = true;
    if (results) {
      results.hidden = false;
      results.focus();
    }
    changed();
  }

  function move(button: HTMLButtonElement) {
    const li = button.closest('li');
    const list = li?.parentElement;
    if (!li || !list) return;
    const up = button.dataset.move === 'up';
    const sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    if (up) sibling.before(li);
    else sibling.after(li);
    button.focus();
    const items = [...list.children];
    const feedback = $<HTMLElement>(button.closest('li.question') ?? document, '.q-feedback');
    feedback?.replaceChildren(
      line(
        'announce',
        `Moved “${$<HTMLElement>(li, '.q-order-text')?.textContent ?? ''}” to position ${items.indexOf(li) + 1} of ${items.length}.`,
      ),
    );
  }

  const focusFirst = (target: HTMLElement | undefined, selector: string) =>
    $<HTMLElement>(target ?? document, selector)?.focus({ preventScroll: true });

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button || button.disabled) return;
    const question = button.closest<HTMLLIElement>('li.question');
    if (button.dataset.move) move(button);
    const action = button.dataset.action;
    if (action === 'check' && question) void check(question);
    if (action === 'score-free' && question) void scoreFree(question);
    if (action === 'finish') void finish();
    if (action === 'goto') {
      const target = byId.get(button.dataset.target ?? '');
      target?.scrollIntoView({ block: 'start' });
      focusFirst(target, 'input, select, textarea, button:not([hidden])');
    }
    if (action === 'retry' || action === 'restart') {
      const choice =
        action === 'retry'
          ? retryChoice(reread(), quizId, allIds, { active, scores })
          : { ids: allIds, retry: false };
      startAttempt(choice.ids, choice.retry);
      const first = byId.get(active[0] ?? '');
      first?.scrollIntoView({ block: 'start' });
      focusFirst(first, 'input, select, textarea, button');
    }
  });

  // Another tab finished a quiz: the history line shows every attempt, not this tab's copy.
  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== QUIZ_ATTEMPTS.key) return;
    reread();
    showHistory();
  });

  // Unhide what only works with JavaScript.
  $$<HTMLElement>(root, '.q-actions, .q-order-moves').forEach((el) => (el.hidden = false));
  showHistory();
  const wantsRetry = new URLSearchParams(location.search).get('retry') === 'missed';
  const choice = wantsRetry ? retryChoice(attempts, quizId, allIds) : { ids: allIds, retry: false };
  if (wantsRetry && !choice.retry) {
    notices.push('Nothing to retry: you have no missed questions in this quiz. Here is the whole quiz.');
    showNotices();
  }
  startAttempt(choice.ids, choice.retry);
  // Fetch the key once the page is idle, so the first check is instant (and works offline).
  setTimeout(() => void loadKey().catch(() => (keyPromise = undefined)), 1500);
}
