/**
 * The decision walker on /decide/: one question at a time, the answers so far (each can be
 * changed), then the recommendation with its reasons. The walk lives in the address
 * (`?path=lt-15-minutes.steady-high-volume`), so it can be shared, and each answer is a history
 * entry, so the browser's Back undoes the last answer. Focus moves to each new question (its
 * legend) and to the recommendation, which is also announced.
 */
import { followPath, type TreeStep } from '../domain/decide/tree.ts';
import type { Reason, WalkerData } from '../lib/decide.ts';

const PARAM = 'path';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; html?: string } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.html !== undefined) node.innerHTML = props.html; // build-time HTML from our own Markdown
  node.append(...children);
  return node;
}

function sourceLinks(reason: Reason | undefined): HTMLElement[] {
  return (reason?.sources ?? []).map((s) => {
    const a = el('a', { text: s.heading });
    a.href = s.href;
    return a;
  });
}

export function initWalker(): void {
  const root = document.querySelector<HTMLElement>('[data-walker]');
  const raw = document.querySelector('[data-walker-data]')?.textContent;
  if (!root || !raw) return;
  const data = JSON.parse(raw) as WalkerData;
  const { tree } = data;
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector) as T;
  const trailWrap = q('[data-trail-wrap]');
  const trail = q('[data-trail]');
  const notice = q('[data-walker-notice]');
  const step = q<HTMLFieldSetElement>('[data-step]');
  const legend = q('[data-legend]');
  const hint = q('[data-hint]');
  const answers = q('[data-answers]');
  const status = q('[data-status]');
  const result = q('[data-result]');
  const resultTitle = q('[data-result-title]');
  const controls = q('[data-controls]');
  const back = q<HTMLButtonElement>('[data-action="back"]');

  const slugsFromUrl = () =>
    (new URLSearchParams(location.search).get(PARAM) ?? '').split('.').filter(Boolean);
  const urlFor = (steps: readonly TreeStep[]) => {
    const url = new URL(location.href);
    if (steps.length) url.searchParams.set(PARAM, steps.map((s) => s.answer).join('.'));
    else url.searchParams.delete(PARAM);
    return url.toString();
  };
  const answerOf = (s: TreeStep) => tree.questions[s.question]?.answers.find((a) => a.slug === s.answer);

  let steps: TreeStep[] = [];

  function go(next: TreeStep[], focus: boolean) {
    history.pushState(null, '', urlFor(next));
    render(focus);
  }

  function render(focus: boolean) {
    const walk = followPath(tree, slugsFromUrl());
    steps = walk.steps;
    if (!walk.complete) {
      // A link made before the diagram changed: keep what still matches, say so.
      history.replaceState(null, '', urlFor(steps));
      notice.textContent = `This link’s answers no longer match the diagram after step ${steps.length}; carry on from there.`;
      notice.hidden = false;
    }

    trail.replaceChildren(
      ...steps.map((s, i) => {
        const question = tree.questions[s.question];
        const change = el('button', { className: 'button secondary walker-change', text: 'Change' }, [
          el('span', { className: 'visually-hidden', text: ` answer to “${question?.label ?? ''}”` }),
        ]);
        change.type = 'button';
        change.addEventListener('click', () => go(steps.slice(0, i), true));
        return el('li', {}, [
          el('span', { className: 'walker-q', text: question?.label ?? s.question }),
          ' — ',
          el('strong', { className: 'walker-a', text: answerOf(s)?.label ?? s.answer }),
          ' ',
          change,
        ]);
      }),
    );
    trailWrap.hidden = steps.length === 0;
    controls.hidden = steps.length === 0;
    back.hidden = steps.length === 0;

    const question = tree.questions[walk.at];
    step.hidden = !question;
    result.hidden = Boolean(question);
    if (question) {
      status.textContent = '';
      legend.textContent = `Question ${steps.length + 1}: ${question.label}`;
      const hintHtml = data.hints[question.id];
      hint.hidden = !hintHtml;
      hint.innerHTML = hintHtml ?? '';
      answers.replaceChildren(
        ...question.answers.map((answer) => {
          const button = el('button', { className: 'button walker-answer', text: answer.label });
          button.type = 'button';
          button.addEventListener('click', () =>
            go([...steps, { question: question.id, answer: answer.slug }], true),
          );
          return button;
        }),
      );
      if (focus) legend.focus();
      return;
    }

    const leaf = tree.leaves[walk.at];
    const leafReason = data.leaves[walk.at];
    resultTitle.textContent = `Recommendation: ${leaf?.label ?? walk.at}`;
    q('[data-result-reason]').innerHTML = leafReason?.html ?? '';
    q('[data-result-why]').replaceChildren(
      ...steps.map((s) => {
        const question = tree.questions[s.question];
        const reason = data.answers[s.question]?.[s.answer];
        const links = sourceLinks(reason);
        return el('li', {}, [
          el('span', { className: 'walker-q', text: question?.label ?? s.question }),
          ' ',
          el('strong', { className: 'walker-a', text: answerOf(s)?.label ?? s.answer }),
          ...(reason ? [' — ', el('span', { html: reason.html })] : []),
          ...(links.length ? [' ', el('span', { className: 'walker-source' }, ['(', ...links, ')'])] : []),
        ]);
      }),
    );
    q('[data-result-links]').replaceChildren(
      ...[
        ...sourceLinks(leafReason),
        ...data.links.map((l) => {
          const a = el('a', { text: l.text });
          a.href = l.href;
          return a;
        }),
      ].map((a) => el('li', {}, [a])),
    );
    status.textContent = `Recommendation: ${leaf?.label ?? walk.at}. ${leafReason ? (el('span', { html: leafReason.html }).textContent ?? '') : ''}`;
    if (focus) resultTitle.focus();
  }

  back.addEventListener('click', () => go(steps.slice(0, -1), true));
  q('[data-action="restart"]').addEventListener('click', () => go([], true));
  window.addEventListener('popstate', () => render(true));
  root.hidden = false;
  render(false);
}
