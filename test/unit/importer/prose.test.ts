import { describe, expect, it } from 'vitest';
import {
  escapeLine,
  escapeProse,
  type ProseFindings,
  proseState,
} from '../../../src/domain/importer/prose.ts';

const escape = (line: string) => escapeLine(line).text;
const findings = (): ProseFindings => ({ removed: [], math: [], images: [], changed: false });

describe('prose made MDX-safe', () => {
  it('escapes braces and a < that starts no allowed tag, outside code spans', () => {
    expect(escape('Latency {p99} rises; if x < 5 ms, List<String>')).toBe(
      'Latency \\{p99\\} rises; if x &lt; 5 ms, List&lt;String>',
    );
    expect(escape('`{a} <b>` and ``c {d}``')).toBe('`{a} <b>` and ``c {d}``');
    expect(escape('already \\{ok\\}')).toBe('already \\{ok\\}');
  });

  it('leaves Obsidian syntax as written for the build plugins', () => {
    const line = '==hl== %%note%% #tag/sub [[Note#Heading|text]] ![[img.png]] ^block-id > [!tip]';
    expect(escape(line)).toBe(line);
    expect(escape('[[Odd {name}]]')).toBe('[[Odd {name}]]');
  });

  it('never escapes inside math, and collects the formulas', () => {
    const { text, findings: found } = escapeLine('Keys move $\\frac{n-1}{n}$ and $h(k) \\bmod n$ {x}');
    expect(text).toBe('Keys move $\\frac{n-1}{n}$ and $h(k) \\bmod n$ \\{x\\}');
    expect(found.math).toEqual([
      { tex: '\\frac{n-1}{n}', display: false },
      { tex: 'h(k) \\bmod n', display: false },
    ]);
    // Money is not math: "$5 {and} $10" has no formula to check, and stays exactly as written
    // (remark-math reads the pair first, the build's guard makes it text again).
    expect(escapeLine('costs $5 {and} $10').findings.math).toEqual([]);
    expect(escape('costs $5 {and} < $10')).toBe('costs $5 {and} < $10');
    expect(escape('one $5 {and} more')).toBe('one $5 \\{and\\} more');
    expect(escapeLine('inline $$x^{2}$$ and \\$ {y}').findings.math).toEqual([
      { tex: 'x^{2}', display: true },
    ]);
    expect(escapeLine('one letter $x$ is math').findings.math).toEqual([{ tex: 'x', display: false }]);
  });

  it('keeps $$ blocks verbatim across lines, inside callouts too', () => {
    const state = proseState();
    const found = findings();
    const lines = ['$$', '\\text{moved} \\approx \\frac{K}{n}', '$$', 'after {x}'];
    expect(lines.map((l) => escapeProse(l, state, found))).toEqual([
      '$$',
      '\\text{moved} \\approx \\frac{K}{n}',
      '$$',
      'after \\{x\\}',
    ]);
    expect(found.math).toEqual([{ tex: '\\text{moved} \\approx \\frac{K}{n}', display: true }]);
    const quoted = findings();
    const s2 = proseState();
    ['> $$', '> a_{1}', '> $$'].forEach((l) => escapeProse(l, s2, quoted));
    expect(quoted.math).toEqual([{ tex: 'a_{1}', display: true }]);
    expect(escapeLine('$$E = mc^{2}$$').findings.math).toEqual([{ tex: 'E = mc^{2}', display: true }]);
  });

  it('keeps the safe HTML subset, closing void tags for MDX', () => {
    expect(escape('<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> a<br>b <mark>m</mark>')).toBe(
      '<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> a<br />b <mark>m</mark>',
    );
    expect(escape('<details open>')).toBe('<details open>');
    expect(escape('<td align=center colspan=2>')).toBe('<td align="center" colspan="2">');
    expect(escape('<img src="./a.png" alt=\'A "b"\'>')).toBe('![A "b"](./a.png)');
  });

  it('removes and reports what could run code: elements, handlers, javascript: URLs, styles', () => {
    const { text, findings: found } = escapeLine(
      '<script>alert(1)</script><p onclick="steal()" style="color:red">Hi</p><a href="javascript:alert(1)">x</a>',
    );
    expect(text).toBe('<p>Hi</p><a>x</a>');
    expect(found.removed).toEqual([
      '<script>',
      'onclick attribute on <p>',
      'style attribute on <p>',
      'javascript: URL in <a href>',
    ]);
    // A script over several lines is dropped until its end tag.
    const state = proseState();
    const many = findings();
    expect(['<script>', 'steal();', '</script> after'].map((l) => escapeProse(l, state, many))).toEqual([
      '',
      '',
      ' after',
    ]);
    expect(escape('<iframe src="https://x.test"></iframe>ok')).toBe('ok');
  });

  it('unwraps presentational tags and turns autolinks and HTML comments into their Markdown forms', () => {
    expect(escape('<font color="red">red</font> <center>mid</center>')).toBe('red mid');
    expect(escape('see <https://example.com/a>')).toBe('see https://example.com/a');
    expect(escape('a <!-- hidden {x} --> b')).toBe('a %% hidden \\{x\\} %% b');
    const state = proseState();
    const found = findings();
    expect(['<!-- one', 'two %% -->'].map((l) => escapeProse(l, state, found))).toEqual([
      '%% one',
      'two % %%',
    ]);
  });

  it('keeps import/export words from starting an ES module statement', () => {
    expect(escape('import this')).toBe('&#105;mport this');
    expect(escape('export that')).toBe('&#101;xport that');
  });
});

describe('images in HTML', () => {
  it('copies local ones, leaves out missing and remote ones, and says so', () => {
    const state = proseState((src) => (src === 'a.png' ? '../attachments/a.png' : undefined));
    const found = findings();
    expect(
      escapeProse(
        '<img src="a.png" alt="A"> <img src="gone.png"> <img src="https://x.test/t.gif">',
        state,
        found,
      ),
    ).toBe('![A](../attachments/a.png)  ');
    expect(found.images).toEqual(['gone.png']);
    expect(found.removed).toEqual(['remote image in <img src> (the site loads nothing from other hosts)']);
  });
});
