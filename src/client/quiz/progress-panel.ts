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
 * question (not on every keystroke or attempt), so a screen reader hears the score as it moves.
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

  const render = () => {
    const answered = active.filter((id) => scores.has(id)).length;
    const points = round(active.reduce((s, id) => s + (scores.get(id)?.points ?? 0), 0));
    const max = round(active.reduce((s, id) => s + (scores.get(id)?.max ?? maxOf(id)), 0));
    if (summary) {
      // "questions" and "score" give way on a phone's one-line bar (CSS), not for screen readers.
      const word = (text: string) =>
        Object.assign(doc.createElement('span'), { className: 'panel-long', textContent: text });
      summary.replaceChildren(
        `${answered} of ${active.length}`,
        word(active.length === 1 ? ' question' : ' questions'),
        ' answered · ',
        word('score '),
        `${points} of ${max}`,
        word(' points'),
      );
    }
    if (bar) {
      bar.max = Math.max(active.length, 1);
      bar.value = answered;
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
    const answered = active.filter((id) => scores.has(id)).length;
    const points = round(active.reduce((s, id) => s + (scores.get(id)?.points ?? 0), 0));
    if (live)
      live.textContent =
        `Question ${numberOf(d.questionId)}: ${d.correct ? 'right' : d.points > 0 ? 'partly right' : 'not right'}. ` +
        `${answered} of ${active.length} answered, ${points} points so far.`;
  });

  // Jumping moves the keyboard too: to the question's first control, not just the scroll position.
  panel.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-panel-q]');
    const target = link && doc.getElementById(`q-${link.dataset.panelQ}`);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    history.replaceState(null, '', `#q-${link.dataset.panelQ}`);
    target
      .querySelector<HTMLElement>(
        'input:not(:disabled), select:not(:disabled), textarea, button:not([hidden]):not(:disabled), a',
      )
      ?.focus({ preventScroll: true });
  });
  render();
}
