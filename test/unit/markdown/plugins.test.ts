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
import { remarkMermaid } from '../../../src/markdown/remark-mermaid.ts';

/** A renderer that draws a labelled box, or fails for sources containing "BROKEN". */
const fakeRenderer: DiagramRenderer = {
  errors: async (sources) => sources.map(() => undefined),
  standalone: async () => undefined,
  fileNames: () => [],
  renderAll: async (sources) =>
    sources.map((source): RenderOutcome =>
      source.includes('BROKEN')
        ? { ok: false, message: 'Parse error on line 2:\nunexpected token' }
        : {
            ok: true,
            artifact: {
              source,
              svg: '<svg class="mmd mmd-x" role="img" viewBox="0 0 10 10"><text>Box</text></svg>',
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

async function render(markdown: string): Promise<string> {
  const file = new VFile({ path: 'content/notes/example.mdx', value: markdown });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMermaid, { renderer: fakeRenderer })
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
