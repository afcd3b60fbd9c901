import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { DiagramRenderer, RenderOutcome } from '../../../src/markdown/mermaid/renderer.ts';
import { rehypeFigures } from '../../../src/markdown/rehype-figures.ts';
import { remarkAsciiFigures } from '../../../src/markdown/remark-ascii-figures.ts';
import { fillPlaceholders, pageSvg, svgPlaceholder } from '../../../src/markdown/mermaid/fill.ts';
import { shortHash } from '../../../src/markdown/mermaid/svg.ts';
import { remarkMermaid } from '../../../src/markdown/remark-mermaid.ts';

/** Shaped like a cached render: a marker, nested labels, entities in text and attributes. */
const REAL_SVG =
  '<svg id="m-1" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="mmd mmd-x" style="max-width:120px;min-width:min(120px,30rem)" viewBox="0 0 120.456 80" role="img" aria-roledescription="flowchart-v2">' +
  '<marker id="m-1_end" viewBox="0 0 10 10" refX="5" refY="5" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker><defs></defs>' +
  '<path d="M10.123,5-0.04L20.5,30" marker-end="url(#m-1_end)"></path>' +
  '<g class="label" transform="translate(10.04, 20.55)"><text y="-10.1" text-anchor="middle"><tspan x="0" dy="1.1em" text-anchor="middle">p99 &lt; 200 ms &amp; "fast"</tspan></text></g>' +
  '<use xlink:href="#m-1_end" href="#m-1_end"></use></svg>';

/** A renderer that draws a labelled box, or fails for sources containing "BROKEN". */
const fakeRenderer: DiagramRenderer = {
  errors: async (sources) => sources.map(() => undefined),
  artifact: async () => undefined,
  pageMarkup: async () => undefined,
  standalone: async () => undefined,
  fileNames: () => [],
  stats: () => ({ drawn: 0, launches: 0 }),
  renderAll: async (sources) =>
    sources.map((source): RenderOutcome =>
      source.includes('BROKEN')
        ? { ok: false, message: 'Parse error on line 2:\nunexpected token' }
        : {
            ok: true,
            artifact: {
              source,
              svg: source.includes('REAL')
                ? REAL_SVG
                : '<svg class="mmd mmd-x" role="img" viewBox="0 0 10 10"><text>Box</text></svg>',
              type: 'flowchart-v2',
              scope: 'mmd-x',
              themeCss: '',
              styleClasses: {},
              standalone: '',
              width: 10,
              height: 10,
            },
          },
    ),
};

async function render(markdown: string, placeholders = false): Promise<string> {
  const file = new VFile({ path: 'content/notes/example.mdx', value: markdown });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMermaid, { renderer: fakeRenderer, placeholders })
    .use(remarkAsciiFigures)
    .use(remarkRehype)
    .use(rehypeFigures)
    .use(rehypeStringify)
    .process(file);
  return String(out);
}

describe('remarkMermaid', () => {
  it('replaces a mermaid block with a named figure: inline SVG, caption, full-size link, source as text', async () => {
    const html = await render('## Load balancing\n\n```mermaid\ngraph LR\n  A-->B\n```\n');
    expect(html).toMatch(/<figure class="diagram" id="diagram-[0-9a-f]{8}">/);
    expect(html).toMatch(
      /<svg class="mmd mmd-x" role="img" viewBox="0 0 10 10" aria-labelledby="diagram-[0-9a-f]{8}-name">/,
    );
    expect(html).toContain('Diagram 1: Load balancing');
    expect(html).toMatch(/<a href="\/diagrams\/m-[0-9a-f]{8}\.svg">Open full size/);
    expect(html).toMatch(
      /<summary>Text version \(diagram source\)<\/summary>\s*<pre><code>graph LR\n {2}A-->B<\/code><\/pre>/,
    );
    expect(html).not.toContain('language-mermaid');
  });

  it('fails with file:line (the diagram’s line mapped into the file) and mermaid’s message', async () => {
    await expect(render('# T\n\ntext\n\n```mermaid\ngraph LR\nBROKEN\n```\n')).rejects.toThrow(
      'content/notes/example.mdx:7: invalid mermaid diagram: Parse error on line 2:',
    );
  });

  it('leaves other code blocks alone', async () => {
    expect(await render('```js\nlet a = 1;\n```\n')).toContain('<code class="language-js">');
  });

  it('links the page’s own diagram stylesheet before the first figure, and none without diagrams', async () => {
    const html = await render('## A\n\ntext\n\n```mermaid\ngraph LR\n  A-->B\n```\n');
    const link = /<link rel="stylesheet" href="\/_astro\/(mmd-[0-9a-f]{12}\.css)">/.exec(html);
    expect(link).not.toBeNull();
    expect(html.indexOf('<link')).toBeLessThan(html.indexOf('<figure'));
    expect(await render('## A\n\nno diagrams here\n')).not.toContain('<link');
  });
});

describe('diagram placeholders (a build fills them when it writes the page)', () => {
  const markdown =
    '## Latency\n\n```mermaid\ngraph LR\n  REAL-->B\n```\n\ntext\n\n```mermaid\ngraph LR\n  A-->B\n```\n\n' +
    '## Again\n\n```mermaid\ngraph LR\n  REAL-->B\n```\n';
  const markupOf = async (hash: string) => {
    const [outcome] = await fakeRenderer.renderAll([
      hash === shortHash('graph LR\n  A-->B') ? 'graph LR\n  A-->B' : 'graph LR\n  REAL-->B',
    ]);
    return outcome?.ok ? pageSvg(outcome.artifact.svg, hash) : undefined;
  };

  it('hold no SVG, and filled they are byte for byte the page the inline figures make', async () => {
    const inline = await render(markdown);
    const deferred = await render(markdown, true);
    expect(deferred).not.toContain('<svg');
    expect(deferred.match(/<mmd-svg data-diagram="[0-9a-f]{8}"><\/mmd-svg>/g)).toHaveLength(3);
    const filled = await fillPlaceholders(deferred, markupOf);
    expect(filled.missing).toEqual([]);
    expect(filled.filled).toBe(3);
    expect(filled.html).toBe(inline);
    expect(filled.html).toContain('p99 &#x3C; 200 ms &#x26; "fast"');
  });

  it('name the diagrams the render cache has no SVG for, and keep their placeholders', async () => {
    const deferred = await render(markdown, true);
    const filled = await fillPlaceholders(deferred, async (hash) =>
      hash === shortHash('graph LR\n  A-->B') ? undefined : markupOf(hash),
    );
    expect(filled.missing).toEqual([shortHash('graph LR\n  A-->B')]);
    expect(filled.html).toContain(`<mmd-svg data-diagram="${shortHash('graph LR\n  A-->B')}"></mmd-svg>`);
    expect(filled.html.match(/<svg/g)).toHaveLength(2);
    expect(filled.filled).toBe(2);
    expect(() => svgPlaceholder('../x')).toThrow(/not a diagram hash/);
  });
});

describe('remarkAsciiFigures', () => {
  it('keeps ASCII art verbatim in a labelled, scrollable figure', async () => {
    const html = await render('## Component Diagram\n\n```text ascii\n+--+\n|  |\n+--+\n```\n');
    expect(html).toContain('<figure class="ascii-figure" aria-labelledby="ascii-figure-1-caption">');
    expect(html).toContain(
      '<div class="ascii-canvas" tabindex="0" role="group" aria-label="Component Diagram"><pre>+--+\n|  |\n+--+</pre></div>',
    );
    expect(html).toContain('<figcaption id="ascii-figure-1-caption">Component Diagram</figcaption>');
  });

  it('uses an explicit title over the heading', async () => {
    expect(await render('## H\n\n```text ascii title="How it works"\nx\n```\n')).toContain(
      '>How it works</figcaption>',
    );
  });
});

describe('rehypeFigures', () => {
  it('wraps tables in a focusable labelled region and makes the first column row headers', async () => {
    const html = await render('### Comparison\n\n| Aspect | Stateful |\n|:--|--:|\n| Scaling | Hard |\n');
    expect(html).not.toContain('style=');
    expect(html).not.toContain('align=');
    expect(html).toMatch(/<td class="align-right">Hard<\/td>/);
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="Table 1: Comparison">');
    expect(html).toContain('<th scope="col">Aspect</th>');
    expect(html).toMatch(/<th scope="row">Scaling<\/th>/);
  });

  it('gives h2/h3 GitHub-style ids and a link to themselves', async () => {
    const html = await render('## Stateless vs Stateful: Services\n\n#### Deep\n');
    expect(html).toContain(
      '<h2 id="stateless-vs-stateful-services">Stateless vs Stateful: Services<a class="heading-anchor" href="#stateless-vs-stateful-services" aria-label="Link to section “Stateless vs Stateful: Services”">#</a></h2>',
    );
    expect(html).toContain('<h4 id="deep">Deep</h4>');
  });
});
