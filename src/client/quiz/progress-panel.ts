/**
 * The quiz progress panel (src/components/QuizProgressPanel.astro): answered count, score so far
 * and the jump list, kept up to date from two events the quiz page dispatches on its
 * `[data-quiz-id]` element (they bubble to the document):
 *
 * - `quiz:attempt`  detail `{ questionIds: string[] }` — an attempt (re)starts with these questions;
 * - `quiz:answered` detail `{ questionId: string, correct: boolean, points: number, max: number }`
 *   — a question was checked and scored.
 *
 * It only reads: nothing here changes a question. The live region speaks once per checked
 * question (not on every keystroke or attempt), and only the running totals: the verdict itself
 * is already spoken by the question's own feedback, so it is not said twice.
 */
export const QUIZ_ATTEMPT = 'quiz:attempt';
export const QUIZ_ANSWERED = 'quiz:answered';

export interface QuizAttemptDetail {
  questionIds: string[];
}
export interface QuizAnsweredDetail {
  questionId: string;
  correct: boolean;
  points: number;
  max: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

export function initProgressPanel(doc: Document = document): void {
  const panel = doc.querySelector<HTMLElement>('[data-quiz-panel]');
  if (!panel) return;
  const summary = panel.querySelector<HTMLElement>('[data-panel-summary]');
  const bar = panel.querySelector<HTMLProgressElement>('[data-panel-bar]');
  const live = panel.querySelector<HTMLElement>('[data-panel-live]');
  const links = new Map(
    [...panel.querySelectorAll<HTMLAnchorElement>('[data-panel-q]')].map((a) => [a.dataset.panelQ ?? '', a]),
  );
  const numberOf = (id: string) => [...links.keys()].indexOf(id) + 1;
  const maxOf = (id: string) =>
    Number(
      doc
        .getElementById(`q-${id}`)
        ?.querySelector('.q-meta')
        ?.textContent?.match(/(\d+(?:\.\d+)?) points?/)?.[1] ?? 1,
    );

  // Whatever the quiz already set up before this ran: hidden questions are not in this attempt.
  let active: string[] = [...links.keys()].filter((id) => !doc.getElementById(`q-${id}`)?.hidden);
  const scores = new Map<string, { points: number; max: number; correct: boolean }>();

  const totals = () => ({
    answered: active.filter((id) => scores.has(id)).length,
    score: round(active.reduce((s, id) => s + (scores.get(id)?.points ?? 0), 0)),
    max: round(active.reduce((s, id) => s + (scores.get(id)?.max ?? maxOf(id)), 0)),
  });

  const render = () => {
    const { answered, score, max } = totals();
    if (summary) {
      // "questions" and "points" give way on a phone's one-line bar (CSS), not for screen readers.
      const word = (text: string) =>
        Object.assign(doc.createElement('span'), { className: 'panel-long', textContent: text });
      summary.replaceChildren(
        `${answered} of ${active.length}`,
        word(active.length === 1 ? ' question' : ' questions'),
        ` answered · score ${score} of ${max}`,
        word(max === 1 ? ' point' : ' points'),
      );
    }
    if (bar) {
      bar.max = Math.max(active.length, 1);
      bar.value = answered;
      bar.setAttribute('aria-valuetext', `${answered} of ${active.length}`);
    }
    for (const [id, link] of links) {
      const score = scores.get(id);
      const inAttempt = active.includes(id);
      const state = !inAttempt
        ? 'skipped'
        : !score
          ? 'open'
          : score.correct
            ? 'right'
            : score.points > 0
              ? 'partial'
              : 'wrong';
      link.dataset.state = state;
      link.parentElement?.toggleAttribute('hidden', !inAttempt);
      const label = link.querySelector<HTMLElement>('[data-panel-label]');
      const words = {
        open: 'not answered yet',
        right: 'right',
        partial: 'partly right',
        wrong: 'wrong',
        skipped: '',
      }[state];
      if (label) label.textContent = `Question ${numberOf(id)}${words ? `, ${words}` : ''}`;
    }
    panel.dataset.ready = '';
  };

  doc.addEventListener(QUIZ_ATTEMPT, (event) => {
    const detail = (event as CustomEvent<QuizAttemptDetail>).detail;
    active = detail?.questionIds?.length
      ? detail.questionIds.filter((id) => links.has(id))
      : [...links.keys()];
    scores.clear();
    render();
  });
  doc.addEventListener(QUIZ_ANSWERED, (event) => {
    const d = (event as CustomEvent<QuizAnsweredDetail>).detail;
    if (!d || !links.has(d.questionId)) return;
    scores.set(d.questionId, { points: d.points, max: d.max, correct: d.correct });
    render();
    const { answered, score, max } = totals();
    if (live)
      live.textContent = `${answered} of ${active.length} answered, score ${score} of ${points(max)}.`;
  });

  // Jumping moves the keyboard too, not just the scroll position: to the first answer control of
  // an open question; to the question itself once it is checked (its controls are disabled, and
  // the first link in its feedback is not where the reader meant to go).
  panel.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-panel-q]');
    const target = link && doc.getElementById(`q-${link.dataset.panelQ}`);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    history.replaceState(null, '', `#q-${link.dataset.panelQ}`);
    const control = target.querySelector<HTMLElement>(
      'fieldset :is(input, select, button):not(:disabled):not([hidden]), fieldset textarea:not([readonly])',
    );
    if (!control) target.tabIndex = -1;
    (control ?? target).focus({ preventScroll: true });
  });
  render();
}
