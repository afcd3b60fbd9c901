import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  pageUrl,
  prepareForIndex,
  replaceSvgs,
  searchablePart,
  svgLabels,
} from '../../../src/domain/search/index-page.ts';

const svg = `<svg class="mmd" role="img"><g><text y="1"><tspan>Load</tspan><tspan dy="1em">Balancer</tspan></text></g>
<text>Cache &amp; DB</text><text>Load Balancer</text><text> </text></svg>`;

describe('diagram labels for the search index', () => {
  it('reads each label once, lines joined, entities decoded', () => {
    expect(svgLabels(svg)).toEqual(['Load Balancer', 'Cache & DB']);
  });

  it('puts the labels in place of the diagram and leaves out its source', () => {
    const html = `<figure>${svg}<details class="diagram-source"><summary>Text version</summary><pre>LB[Load Balancer]</pre></details><figcaption>Diagram 1</figcaption></figure>`;
    expect(prepareForIndex(html)).toBe(
      '<figure><p class="diagram-labels">Load Balancer · Cache &amp; DB</p><figcaption>Diagram 1</figcaption></figure>',
    );
  });

  it('takes an SVG inside another as part of it, and keeps an SVG left open', () => {
    const nested = '<svg><text>Outer</text><svg><text>Inner</text></svg><text>After</text></svg>';
    expect(replaceSvgs(`a${nested}b${nested}c`, (s) => `[${s.length}]`)).toBe(
      `a[${nested.length}]b[${nested.length}]c`,
    );
    expect(prepareForIndex(`<p>x</p>${nested}`)).toBe(
      '<p>x</p><p class="diagram-labels">Outer · Inner · After</p>',
    );
    expect(replaceSvgs('<p>x</p><svg><text>Cut', () => '')).toBe('<p>x</p><svg><text>Cut');
    expect(replaceSvgs('a</svg>b', () => '')).toBe('a</svg>b');
  });

  it('keeps table cells apart in the text', () => {
    expect(prepareForIndex('<tr><th>Aspect</th><td>Easy</td></tr>')).toBe(
      '<tr><th>Aspect</th> <td>Easy</td> </tr>',
    );
  });

  it('an SVG without text (an icon) is left out', () => {
    expect(prepareForIndex('<p>A<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></p>')).toBe('<p>A</p>');
  });

  it('leaves out heading links and "not included" notices', () => {
    const html =
      '<h2 id="a">A<a class="heading-anchor" href="#a">#</a></h2><aside class="missing-asset" role="note">x</aside><span class="missing-asset">y</span>';
    const prepared = prepareForIndex(html);
    expect(prepared).toContain('<a data-pagefind-ignore="all" class="heading-anchor"');
    expect(prepared).toContain('<aside data-pagefind-ignore="all" class="missing-asset"');
    expect(prepared).toContain('<span data-pagefind-ignore="all" class="missing-asset"');
    expect(
      prepareForIndex('<span class="diagram-actions"><a href="/d.svg">Open full size</a></span>'),
    ).toContain('<span data-pagefind-ignore="all" class="diagram-actions"');
  });

  it('decodes named and numeric entities, keeps unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &quot;b&quot; &#39;c&apos; &#x2192; &#8594;&nbsp;&bogus;')).toBe(
      '<a> "b" \'c\' → → &bogus;',
    );
  });
});

describe('the part of a page Pagefind reads', () => {
  const page = (main: string) =>
    `<!doctype html><html lang="en"><head><title>T</title></head><body class="x"><header><nav>Menu</nav></header><main id="main">${main}</main><footer>Foot</footer><script src="/a.js"></script></body></html>`;

  it('is the head and the marked element to the end of main: no navigation, footer or scripts', () => {
    expect(
      searchablePart(
        page('<p>Crumbs</p><article class="note" data-pagefind-body><h1>A</h1></article><aside>Next</aside>'),
      ),
    ).toBe(
      '<!doctype html><html lang="en"><head><title>T</title></head><body><article class="note" data-pagefind-body><h1>A</h1></article><aside>Next</aside></body></html>',
    );
  });

  it('is the whole page when it has no marked element, or none inside main', () => {
    for (const html of [
      page('<article><h1>A</h1></article>'),
      '<html><body><article data-pagefind-body><h1>A</h1></article></body></html>',
      '<article data-pagefind-body>no body element</article>',
    ])
      expect(searchablePart(html)).toBe(html);
  });

  it('looks for the marker in the body, not in the head', () => {
    const html = `<html><head><script>document.querySelector('[ data-pagefind-body]')</script></head><body><main><div data-pagefind-body>B</div></main></body></html>`;
    expect(searchablePart(html)).toBe(
      `<html><head><script>document.querySelector('[ data-pagefind-body]')</script></head><body><div data-pagefind-body>B</div></body></html>`,
    );
  });
});

describe('page URLs', () => {
  it('maps built files to the address a static host serves', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('notes/a/index.html')).toBe('/notes/a/');
    expect(pageUrl('notes\\a\\index.html')).toBe('/notes/a/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});
