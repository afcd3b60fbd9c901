import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  pageUrl,
  prepareForIndex,
  svgLabels,
} from '../../../src/domain/search/index-page.ts';

const svg = `<svg class="mmd" role="img"><g><text y="1"><tspan>Load</tspan><tspan dy="1em">Balancer</tspan></text></g>
<text>Cache &amp; DB</text><text>Load Balancer</text><text> </text></svg>`;

describe('diagram labels for the search index', () => {
  it('reads each label once, lines joined, entities decoded', () => {
    expect(svgLabels(svg)).toEqual(['Load Balancer', 'Cache & DB']);
  });

  it('adds the labels after the diagram and leaves the diagram as it is', () => {
    const html = `<figure>${svg}<details class="diagram-source"><pre>LB[Load Balancer]</pre></details></figure>`;
    const prepared = prepareForIndex(html);
    expect(prepared).toContain(svg);
    expect(prepared).toContain('<p class="diagram-labels">Load Balancer · Cache &amp; DB</p>');
    expect(prepared).toContain('<details data-pagefind-ignore="all" class="diagram-source">');
  });

  it('keeps table cells apart in the text', () => {
    expect(prepareForIndex('<tr><th>Aspect</th><td>Easy</td></tr>')).toBe(
      '<tr><th>Aspect</th> <td>Easy</td> </tr>',
    );
  });

  it('an SVG without text (an icon) gets nothing added', () => {
    const icon = '<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>';
    expect(prepareForIndex(icon)).toBe(icon);
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

describe('page URLs', () => {
  it('maps built files to the address a static host serves', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('notes/a/index.html')).toBe('/notes/a/');
    expect(pageUrl('notes\\a\\index.html')).toBe('/notes/a/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});
