/**
 * Quiz text checks skip parsing a text with no `[` and no `<` (src/domain/quiz/text.ts): what
 * they refuse is always a link, image, definition or HTML. These tests hold the premise: such a
 * text, however link-like, parses to nothing that could be refused; and the texts that are
 * refused still are.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { unsafeQuizText, unsafeUrl } from '../../../src/domain/quiz/text.ts';
import { XSS } from '../../reliability/cases.ts';

/** No `[`, no `<`: bare addresses, schemes as words, entities, emphasis, code. */
const PLAIN = [
  'Use a load balancer with sticky sessions.',
  'See www.example.com or https://example.com/docs for more.',
  'Write to ops@example.com when it fails.',
  'javascript:alert(1) is only words here',
  'data:text/html;base64,PHNjcmlwdD4= and vbscript:msgbox are text',
  'file:///etc/passwd',
  '&lt;script&gt;alert(1)&lt;/script&gt; stays text',
  '**Bold**, _emphasis_, `code`, ~~struck~~ and ==marks==',
  '    indented code: javascript:alert(1)',
  '```\nfenced\n```',
  '| a | b |\n| - | - |\n| javascript:x | http://x |',
  'p99 > 20 ms; a > b',
];

describe('quiz text without [ or <', () => {
  it('parses to no HTML, image or definition, and only links that are never refused', () => {
    for (const text of PLAIN) {
      expect(text).not.toMatch(/[[<]/);
      const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      visit(tree, (node: Nodes) => {
        expect(['html', 'image', 'imageReference', 'definition', 'linkReference']).not.toContain(node.type);
        if (node.type === 'link') expect(unsafeUrl(node.url, false), `${text}: ${node.url}`).toBeUndefined();
      });
      expect(unsafeQuizText(text)).toBeUndefined();
    }
  });

  it('refuses what it refused before: every markup case that must never run', () => {
    for (const c of XSS) {
      const refused = unsafeQuizText(c.input) !== undefined;
      expect(refused, c.name).toBe(c.expect === 'refused');
    }
  });
});
