/** Quiz files a careless author might write, and markup in quiz text that must never run. */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatContentError } from '../../src/domain/content/errors.ts';
import { noteAnchors } from '../../src/domain/notes/anchors.ts';
import { checkQuizFile } from '../../src/domain/quiz/gate.ts';
import { inlineMarkdown, markdown } from '../../src/lib/markdown.ts';
import { QUIZZES, XSS } from './cases.ts';

const index = new Map([
  ['valid-note', { title: 'Valid note', anchors: noteAnchors('## Section one\n\nText.\n') }],
]);

function quizFile(question: Record<string, unknown>) {
  const quiz = {
    id: 'careless',
    title: 'Careless',
    summary: 'A quiz by a careless author.',
    tags: ['testing'],
    notes: ['valid-note'],
    minutes: 1,
    questions: [{ id: 'q', topic: 'cost', source: 'valid-note#section-one', ...question }],
  };
  const path = 'quizzes/careless.yaml';
  return checkQuizFile({ path, bytes: Buffer.from(stringify(quiz)) }, index).errors.map(formatContentError);
}

const single = (over: Record<string, unknown> = {}) => ({
  type: 'single',
  prompt: 'Which one?',
  options: [
    { id: 'a', text: 'A', correct: true, explanation: 'Because.' },
    { id: 'b', text: 'B', explanation: 'Not this.' },
  ],
  ...over,
});

/** Live markup left in rendered HTML: elements or attributes that could run or load something. */
function live(html: string): string[] {
  const found: string[] = [];
  const visit = (node: {
    type: string;
    tagName?: string;
    properties?: Record<string, unknown>;
    children?: unknown[];
  }) => {
    if (node.type === 'element') {
      if (/^(script|iframe|object|embed|form|meta|base|link|style|svg|img)$/.test(node.tagName ?? ''))
        found.push(`<${node.tagName}>`);
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(name)) found.push(name);
        if (/^(href|src|action)$/.test(name) && /^\s*(javascript|data|vbscript):/i.test(String(value)))
          found.push(`${name}=${String(value)}`);
      }
    }
    for (const child of node.children ?? []) visit(child as never);
  };
  visit(fromHtml(html, { fragment: true }) as never);
  return found;
}

describe('reliability: bad quizzes', () => {
  it.each(QUIZZES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const input = c.input as {
      points?: number;
      match?: [string, string][];
      prompt?: string;
      option?: string;
    };
    const question = input.match
      ? {
          type: 'match',
          prompt: 'Match them.',
          explanation: 'Because.',
          pairs: input.match.map(([left, right], i) => ({ id: `p${i}`, left, right })),
        }
      : single({
          ...(input.points ? { points: input.points } : {}),
          ...(input.prompt ? { prompt: input.prompt } : {}),
          ...(input.option
            ? {
                options: [
                  { id: 'a', text: input.option, correct: true, explanation: 'e' },
                  { id: 'b', text: 'B', explanation: 'e' },
                ],
              }
            : {}),
        });
    const errors = quizFile(question);
    if (c.expect === 'refused') {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^quizzes\/careless\.yaml:\d+: question "q"( pair "p\d")?: field "questions\.0\.(points|pairs\.\d\.(left|right))": /,
      );
      return;
    }
    expect(errors).toEqual([]);
    // Accepted and correct: what the author wrote is what the reader sees, character for character.
    const text = input.prompt ?? input.option;
    if (text) {
      const html = inlineMarkdown(text);
      const shown = fromHtml(html, { fragment: true });
      const plain = (shown.children as { type: string; value?: string }[]).map((n) => n.value ?? '').join('');
      expect(plain).toBe(text);
    }
  });
});

describe('reliability: XSS payloads in quiz text', () => {
  it.each(XSS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const errors = quizFile(single({ prompt: `Consider this. ${c.input}` }));
    // Executed = 0: whatever the gate says, the rendered text holds no live markup.
    expect(live(markdown(`Consider this. ${c.input}`))).toEqual([]);
    if (c.expect === 'refused') {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^quizzes\/careless\.yaml:\d+: question "q": field "questions\.0\.prompt": .*(code|run|host)/,
      );
    } else expect(errors).toEqual([]);
  });
});
