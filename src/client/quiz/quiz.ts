/**
 * The quiz page in the browser: shuffles, checks answers against the key (fetched, not in the
 * page), shows every option's explanation with a link to the note section, keeps attempts in
 * storage and offers "retry the ones I missed". Scoring and storage rules live in src/domain.
 */
import {
  QUIZ_ATTEMPTS,
  addAttempt,
  describeSummary,
  missedQuestions,
  summarize,
} from '../../domain/quiz/attempts.ts';
import { type QuestionScore, type Response, scoreQuestion, scoreQuiz } from '../../domain/quiz/scoring.ts';
import { hashSeed, seededRandom, shuffle, shuffleUnsolved } from '../../domain/quiz/shuffle.ts';
import { escapeHtml } from '../../domain/content/html.ts';
import { type ReadResult, browserStore, readRecord, writeRecord } from '../../domain/progress/storage.ts';
import type { QuestionKey, QuizKey } from '../../lib/quiz-view.ts';
import type { QuizAttempts } from '../../schemas/progress.ts';

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
const $$ = <T extends Element>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

const pointsText = (n: number) => (n === 1 ? '1 point' : `${n} points`);
const topicLabel = (topic: string) => topic.charAt(0).toUpperCase() + topic.slice(1).replace(/-/g, ' ');

function sourceHtml(entry: QuestionKey): string {
  const { href, heading, note } = entry.source;
  return `<p class="q-source">Where this comes from: <a href="${href}">${escapeHtml(heading)}</a> in ${escapeHtml(note)}</p>`;
}

function verdictHtml(score: QuestionScore): string {
  const kind = score.correct ? 'right' : score.score > 0 ? 'partial' : 'wrong';
  const word = { right: 'Right', partial: 'Partly right', wrong: 'Not quite' }[kind];
  return `<p class="verdict verdict-${kind}"><strong>${word}</strong> — ${score.score} of ${pointsText(score.max)}.</p>`;
}

export function initQuiz(): void {
  const root = $<HTMLElement>(document, '[data-quiz-id]');
  if (!root) return;
  // Events for the progress panel are dispatched here (`quiz:attempt`, `quiz:answered`).
  const host: HTMLElement = root;
  const quizId = root.dataset.quizId ?? '';
  const questions = $$<HTMLLIElement>(root, 'li.question');
  const byId = new Map(questions.map((el) => [el.dataset.qid ?? '', el]));
  const notice = $<HTMLElement>(root, '[data-quiz-notice]');
  const progress = $<HTMLElement>(root, '[data-quiz-progress]');
  const history = $<HTMLElement>(root, '[data-quiz-history]');
  const finishBar = $<HTMLElement>(root, '[data-quiz-finish]');
  const results = $<HTMLElement>(root, '[data-quiz-results]');
  const resultsBody = $<HTMLElement>(root, '[data-results-body]');

  const store = browserStore();
  let stored: ReadResult<QuizAttempts> = readRecord(store, QUIZ_ATTEMPTS, new Date());
  const notices: string[] = [];
  if (stored.status === 'corrupt')
    notices.push(
      `Your saved quiz history could not be read (${stored.problem}). ` +
        (stored.keptAs ? `It was kept aside in this browser as “${stored.keptAs}”; ` : '') +
        'new results are saved from now on.',
    );
  if (stored.status === 'newer' || stored.status === 'unavailable')
    notices.push(`Results from this visit will not be saved: ${stored.problem}.`);
  const showNotices = () => {
    if (!notice) return;
    notice.hidden = notices.length === 0;
    notice.innerHTML = notices.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
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

  const showHistory = () => {
    if (!history) return;
    const text = describeSummary(summarize(stored.value, quizId));
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
      fb.innerHTML = '';
    }
    $$<HTMLElement>(el, '.is-right, .is-wrong, .is-missed').forEach((n) =>
      n.classList.remove('is-right', 'is-wrong', 'is-missed'),
    );
    $$<HTMLElement>(el, '.mark').forEach((n) => n.remove());
    const reveal = $<HTMLElement>(el, '.q-free-reveal');
    if (reveal) {
      reveal.hidden = true;
      reveal.innerHTML = '';
    }
    const feedback = $<HTMLElement>(el, '.q-feedback');
    if (feedback) feedback.innerHTML = '';
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
  }

  function responseOf(el: HTMLLIElement, type: string): Response | string {
    switch (type) {
      case 'single': {
        const choice = $<HTMLInputElement>(el, 'input:checked')?.value;
        return choice ? { type, choice } : 'Choose an option first.';
      }
      case 'multiple': {
        const choices = $$<HTMLInputElement>(el, 'input:checked').map((i) => i.value);
        return choices.length ? { type, choices } : 'Choose at least one option first.';
      }
      case 'order':
        return { type, order: $$<HTMLLIElement>(el, '.q-order > li').map((li) => li.dataset.item ?? '') };
      case 'match': {
        const pairs: Record<string, string> = {};
        let open = 0;
        for (const li of $$<HTMLLIElement>(el, '.q-match > li')) {
          const value = $<HTMLSelectElement>(li, 'select')?.value ?? '';
          if (value) pairs[li.dataset.pair ?? ''] = value;
          else open++;
        }
        return open ? `Choose a match for every item (${open} still open).` : { type, pairs };
      }
      default:
        return {
          type: 'free',
          ticked: $$<HTMLInputElement>(el, '.q-rubric input:checked').map((i) => i.value),
        };
    }
  }

  function markOptions(el: HTMLLIElement, entry: QuestionKey, picked: Set<string>) {
    const q = entry.question;
    if (q.type !== 'single' && q.type !== 'multiple') return;
    for (const li of $$<HTMLLIElement>(el, '.q-option')) {
      const option = q.options.find((o) => o.id === li.dataset.oid);
      if (!option) continue;
      const mine = picked.has(option.id);
      li.classList.add(option.correct ? (mine ? 'is-right' : 'is-missed') : mine ? 'is-wrong' : 'is-other');
      const label = option.correct
        ? mine
          ? '✓ Right answer — you picked it'
          : '✓ Right answer — you did not pick it'
        : mine
          ? '✗ Wrong — you picked it'
          : 'Wrong answer';
      const fb = $<HTMLElement>(li, '.q-option-feedback');
      if (fb) {
        fb.innerHTML = `<p class="mark-label">${label}</p>${entry.optionHtml?.[option.id] ?? ''}`;
        fb.hidden = false;
      }
    }
  }

  function markOrder(el: HTMLLIElement, entry: QuestionKey) {
    const q = entry.question;
    if (q.type !== 'order') return;
    const rank = new Map(q.items.map((item, i) => [item.id, i + 1]));
    $$<HTMLLIElement>(el, '.q-order > li').forEach((li, i) => {
      const right = rank.get(li.dataset.item ?? '') ?? 0;
      li.classList.add(right === i + 1 ? 'is-right' : 'is-wrong');
      li.insertAdjacentHTML(
        'beforeend',
        `<span class="mark">${right === i + 1 ? '✓ right place' : `✗ belongs at ${right}`}</span>`,
      );
    });
  }

  function markMatch(el: HTMLLIElement, entry: QuestionKey) {
    const q = entry.question;
    if (q.type !== 'match') return;
    for (const li of $$<HTMLLIElement>(el, '.q-match > li')) {
      const pair = q.pairs.find((p) => p.id === li.dataset.pair);
      const chosen = $<HTMLSelectElement>(li, 'select')?.value;
      if (!pair) continue;
      const ok = chosen === pair.right;
      li.classList.add(ok ? 'is-right' : 'is-wrong');
      li.insertAdjacentHTML(
        'beforeend',
        `<span class="mark">${ok ? '✓ right' : `✗ right answer: ${escapeHtml(pair.right)}`}</span>`,
      );
    }
  }

  function nextOpen(after: string): string | undefined {
    const start = active.indexOf(after);
    return [...active.slice(start + 1), ...active.slice(0, start)].find((id) => !scores[id]);
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
    const next = nextOpen(id);
    const feedback = $<HTMLElement>(el, '.q-feedback');
    if (feedback) {
      feedback.innerHTML =
        verdictHtml(score) +
        (entry.explanationHtml ? `<div class="q-explanation">${entry.explanationHtml}</div>` : '') +
        sourceHtml(entry) +
        (next
          ? `<button type="button" class="button secondary" data-action="goto" data-target="${next}">Next question</button>`
          : `<button type="button" class="button" data-action="finish">See results</button>`);
      // The check button is gone: keep the keyboard where the reader will go next.
      $<HTMLButtonElement>(feedback, 'button')?.focus();
    }
    updateProgress();
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
      if (feedback)
        feedback.innerHTML =
          '<p class="verdict verdict-wrong">The answers could not be loaded. Check your connection and try again.</p>';
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
      if (feedback) feedback.innerHTML = `<p class="verdict verdict-hint">${escapeHtml(response)}</p>`;
      return;
    }
    if (response.type === 'single') markOptions(el, entry, new Set([response.choice ?? '']));
    if (response.type === 'multiple') markOptions(el, entry, new Set(response.choices));
    if (response.type === 'order') markOrder(el, entry);
    if (response.type === 'match') markMatch(el, entry);
    settle(el, entry, response);
  }

  function revealFree(el: HTMLLIElement, entry: QuestionKey) {
    const q = entry.question;
    const reveal = $<HTMLElement>(el, '.q-free-reveal');
    if (q.type !== 'free' || !reveal) return;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    if (textarea) textarea.readOnly = true;
    reveal.innerHTML =
      `<h3 class="q-subhead">Model answer</h3><div class="q-model">${entry.answerHtml ?? ''}</div>` +
      `<fieldset class="q-rubric"><legend>Tick what your answer covered</legend>` +
      q.rubric
        .map(
          (r) =>
            `<label><input type="checkbox" value="${escapeHtml(r.id)}"> <span>${entry.rubricHtml?.[r.id] ?? ''}</span></label>`,
        )
        .join('') +
      `</fieldset><button type="button" class="button" data-action="score-free">Score my answer</button>`;
    reveal.hidden = false;
    const actions = $<HTMLElement>(el, '.q-actions');
    if (actions) actions.hidden = true;
    $<HTMLElement>(reveal, 'h3')?.setAttribute('tabindex', '-1');
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
    const questions = active.flatMap((id) => (key.questions[id] ? [key.questions[id].question] : []));
    const total = scoreQuiz(questions, scores);
    const attempt = {
      quizId,
      at: new Date().toISOString(),
      score: total.score,
      max: total.max,
      retry,
      questions: Object.fromEntries(
        questions.map((q) => [q.id, { score: scores[q.id]?.score ?? 0, max: q.points, topic: q.topic }]),
      ),
    };
    if (stored.writable) {
      const next = addAttempt(stored.value, attempt);
      const saved = writeRecord(store, QUIZ_ATTEMPTS, next);
      if (saved.ok) stored = { ...stored, value: next };
      else {
        notices.push(`This result was not saved: ${saved.problem}.`);
        showNotices();
      }
    }
    showHistory();
    const missed = total.missed;
    const title = (id: string) =>
      $<HTMLElement>(byId.get(id) ?? document, '.q-prompt')?.textContent?.trim() ?? id;
    if (resultsBody) {
      resultsBody.innerHTML =
        `<p class="score-line"><strong>${total.score} of ${pointsText(total.max)}</strong> (${total.percent} %)` +
        `${retry ? ' on the questions you retried' : ''}.</p>` +
        `<table class="topic-table"><caption>By topic, weakest first</caption><thead><tr><th scope="col">Topic</th>` +
        `<th scope="col">Score</th><th scope="col">Questions</th></tr></thead><tbody>` +
        total.topics
          .map(
            (t) =>
              `<tr><th scope="row">${escapeHtml(topicLabel(t.topic))}</th><td>${t.score} / ${t.max}</td><td>${t.questions}</td></tr>`,
          )
          .join('') +
        `</tbody></table>` +
        (missed.length
          ? `<h3>To review (${missed.length})</h3><ul class="missed-list">` +
            missed
              .map((id) => {
                const entry = key.questions[id];
                const text = escapeHtml(title(id).slice(0, 110)) + (title(id).length > 110 ? '…' : '');
                return `<li><a href="#q-${id}">${text}</a>${entry ? ` — read <a href="${entry.source.href}">${escapeHtml(entry.source.heading)}</a>` : ''}</li>`;
              })
              .join('') +
            `</ul><p class="results-actions"><button type="button" class="button" data-action="retry">Retry the ${missed.length === 1 ? 'one' : missed.length} I missed</button> `
          : `<p>Every answer right. <span class="results-actions">`) +
        `<button type="button" class="button secondary" data-action="restart">Start the whole quiz again</button></span></p>`;
    }
    if (finishBar) finishBar.hidden = true;
    if (results) {
      results.hidden = false;
      results.focus();
    }
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
    if (feedback)
      feedback.innerHTML = `<p class="visually-hidden">Moved “${escapeHtml(
        $<HTMLElement>(li, '.q-order-text')?.textContent ?? '',
      )}” to position ${items.indexOf(li) + 1} of ${items.length}.</p>`;
  }

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
      $<HTMLElement>(target ?? document, 'input, select, textarea, button:not([hidden])')?.focus({
        preventScroll: true,
      });
    }
    if (action === 'retry' || action === 'restart') {
      const missed = action === 'retry' ? missedQuestions(stored.value, quizId, [...byId.keys()]) : [];
      // A result that could not be saved still knows what was missed in this attempt.
      const fallback =
        action === 'retry' && !missed.length ? active.filter((id) => !scores[id]?.correct) : [];
      const ids = missed.length ? missed : fallback;
      startAttempt(ids.length ? ids : [...byId.keys()], ids.length > 0);
      const first = byId.get(active[0] ?? '');
      first?.scrollIntoView({ block: 'start' });
      $<HTMLElement>(first ?? document, 'input, select, textarea, button')?.focus({ preventScroll: true });
    }
  });

  // Unhide what only works with JavaScript.
  $$<HTMLElement>(root, '.q-actions, .q-order-moves').forEach((el) => (el.hidden = false));
  showHistory();
  const wantsRetry = new URLSearchParams(location.search).get('retry') === 'missed';
  const missed = wantsRetry ? missedQuestions(stored.value, quizId, [...byId.keys()]) : [];
  if (wantsRetry && !missed.length) {
    notices.push('Nothing to retry: you have no missed questions in this quiz. Here is the whole quiz.');
    showNotices();
  }
  startAttempt(missed.length ? missed : [...byId.keys()], missed.length > 0);
  // Fetch the key once the page is idle, so the first check is instant (and works offline).
  setTimeout(() => void loadKey().catch(() => (keyPromise = undefined)), 1500);
}
