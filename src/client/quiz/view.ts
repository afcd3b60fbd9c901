/**
 * What the quiz page shows after a check, made one way: by filling the build-time templates of
 * src/components/QuizTemplates.astro with what src/domain/quiz decided. No decisions here, and no
 * HTML strings except the answer key's own HTML (Markdown rendered at build time).
 */
import type { QuestionKey } from '../../lib/quiz-view.ts';
import {
  type QuestionScore,
  type Response,
  matchVerdicts,
  optionVerdicts,
  orderVerdicts,
} from '../../domain/quiz/scoring.ts';
import { type ResultSummary, questionVerdict } from '../../domain/quiz/session.ts';

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
const $$ = <T extends Element>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

/** A copy of a build-time template, and its named slots. */
export function fill(name: string): {
  node: DocumentFragment;
  slot: <T extends HTMLElement>(slot: string) => T;
} {
  const template = document.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`);
  if (!template) throw new Error(`quiz: the page has no "${name}" template`);
  const node = template.content.cloneNode(true) as DocumentFragment;
  return { node, slot: <T extends HTMLElement>(slot: string) => $<T>(node, `[data-slot="${slot}"]`) as T };
}

/** One template whose single element gets `text` (and maybe a class). */
export function line(name: string, text: string, className?: string): DocumentFragment {
  const { node } = fill(name);
  const el = node.firstElementChild as HTMLElement;
  el.textContent = text;
  if (className) el.classList.add(className);
  return node;
}

/** Build-time HTML from the answer key (Markdown rendered at build time, raw HTML shown as text). */
const trustedNodes = (html: string | undefined): DocumentFragment =>
  document.createRange().createContextualFragment(html ?? '');

function trusted(el: HTMLElement, html: string | undefined): HTMLElement {
  el.replaceChildren(trustedNodes(html));
  return el;
}

function sourceNode(entry: QuestionKey): DocumentFragment {
  const { node, slot } = fill('source');
  const link = slot<HTMLAnchorElement>('link');
  link.href = entry.source.href;
  link.textContent = entry.source.heading;
  slot('note').textContent = entry.source.note;
  return node;
}

function verdictNode(score: QuestionScore): DocumentFragment {
  const v = questionVerdict(score);
  const { node, slot } = fill('verdict');
  (node.firstElementChild as HTMLElement).classList.add(`verdict-${v.kind}`);
  slot('word').textContent = v.word;
  slot('points').textContent = v.points;
  return node;
}

/** Responses read from the page, or what the reader still has to do. */
export function responseOf(el: HTMLLIElement, type: string): Response | string {
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

/** Shows the verdicts src/domain/quiz/scoring.ts gives each option, item or pair. */
export function mark(el: HTMLLIElement, entry: QuestionKey, response: Response) {
  const q = entry.question;
  if (
    (q.type === 'single' || q.type === 'multiple') &&
    (response.type === 'single' || response.type === 'multiple')
  ) {
    const picked = response.type === 'single' ? [response.choice ?? ''] : response.choices;
    for (const v of optionVerdicts(q, picked)) {
      const li = $<HTMLLIElement>(el, `.q-option[data-oid="${CSS.escape(v.id)}"]`);
      if (!li) continue;
      li.classList.add(v.mark);
      const fb = $<HTMLElement>(li, '.q-option-feedback');
      if (!fb) continue;
      fb.replaceChildren(line('option-label', v.label), trustedNodes(entry.optionHtml?.[v.id]));
      fb.hidden = false;
    }
  }
  const items =
    q.type === 'order' && response.type === 'order'
      ? orderVerdicts(q, response.order).map(
          (v) => [$<HTMLLIElement>(el, `.q-order > li[data-item="${CSS.escape(v.id)}"]`), v] as const,
        )
      : q.type === 'match' && response.type === 'match'
        ? matchVerdicts(q, response.pairs).map(
            (v) => [$<HTMLLIElement>(el, `.q-match > li[data-pair="${CSS.escape(v.id)}"]`), v] as const,
          )
        : [];
  for (const [li, v] of items) {
    if (!li) continue;
    li.classList.add(v.right ? 'is-right' : 'is-wrong');
    li.append(line('mark', v.label));
  }
}

/** Verdict, explanation, source and the way on (the next open question, or the results). */
export function feedbackNode(
  score: QuestionScore,
  entry: QuestionKey,
  next: string | undefined,
): DocumentFragment {
  const onward = fill(next ? 'next' : 'see-results').node;
  if (next) (onward.firstElementChild as HTMLElement).dataset.target = next;
  const node = document.createDocumentFragment();
  node.append(verdictNode(score));
  if (entry.explanationHtml)
    node.append(trusted(fill('explanation').node.firstElementChild as HTMLElement, entry.explanationHtml));
  node.append(sourceNode(entry), onward);
  return node;
}

/** The model answer and the rubric to tick, for a free-text question. */
export function freeRevealNode(
  q: Extract<QuestionKey['question'], { type: 'free' }>,
  entry: QuestionKey,
): DocumentFragment {
  const { node, slot } = fill('free-reveal');
  trusted(slot('model'), entry.answerHtml);
  const rubric = $<HTMLElement>(node, '.q-rubric') as HTMLElement;
  for (const r of q.rubric) {
    const item = fill('rubric-item');
    ($<HTMLInputElement>(item.node, 'input') as HTMLInputElement).value = r.id;
    trusted(item.slot('text'), entry.rubricHtml?.[r.id]);
    rubric.append(item.node);
  }
  return node;
}

export function resultsNode(summary: ResultSummary): DocumentFragment {
  const body = fill('results');
  body.slot('score').textContent = summary.score;
  body.slot('rest').textContent = summary.rest;
  body.slot('topics').append(
    ...summary.topics.map((t) => {
      const row = fill('topic-row').node;
      const cells = $$<HTMLElement>(row, 'th, td');
      [t.label, t.score, t.questions].forEach((text, i) => ((cells[i] as HTMLElement).textContent = text));
      return row;
    }),
  );
  if (!summary.retryLabel) {
    body.node.append(fill('all-right').node);
    return body.node;
  }
  const missed = fill('missed');
  missed.slot('count').textContent = String(summary.missed.length);
  missed.slot('list').append(
    ...summary.missed.map((m) => {
      const item = fill('missed-item');
      const link = item.slot<HTMLAnchorElement>('question');
      link.href = `#q-${m.id}`;
      link.textContent = m.title;
      if (m.source) {
        const source = fill('missed-source');
        const read = source.slot<HTMLAnchorElement>('source');
        read.href = m.source.href;
        read.textContent = m.source.heading;
        (item.node.firstElementChild as HTMLElement).append(source.node);
      }
      return item.node;
    }),
  );
  ($<HTMLElement>(missed.node, '[data-action="retry"]') as HTMLElement).textContent = summary.retryLabel;
  body.node.append(missed.node);
  return body.node;
}
