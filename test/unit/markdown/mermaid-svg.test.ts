import { describe, expect, it } from 'vitest';
import { protectLabels } from '../../../src/markdown/mermaid/renderer.ts';
import {
  mergeThemeCss,
  renameId,
  rewriteSvg,
  compactPaths,
  compactSvg,
  roundNumbers,
  splitStyle,
} from '../../../src/markdown/mermaid/svg.ts';
import {
  buildDiagramCss,
  pageStylesheet,
  sharedScopes,
  reservedHeight,
  themeCss,
} from '../../../src/markdown/mermaid/stylesheet.ts';

describe('renameId', () => {
  it('renames an id and its derived ids but not longer ids sharing the prefix', () => {
    const svg = '<svg id="d-1"><marker id="d-1_arrow"/><g id="d-12"/></svg>';
    expect(renameId(svg, 'd-1', 'm-abc')).toBe(
      '<svg id="m-abc"><marker id="m-abc_arrow"/><g id="d-12"/></svg>',
    );
  });
});

describe('splitStyle', () => {
  it('removes the <style> element and unescapes the CSS XMLSerializer escaped', () => {
    const { css, body } = splitStyle('<svg><style>#a &gt; b{fill:red}</style><g/></svg>');
    expect(css).toBe('#a > b{fill:red}');
    expect(body).toBe('<svg><g/></svg>');
  });
  it('returns the SVG unchanged when it has no style', () => {
    expect(splitStyle('<svg/>')).toEqual({ css: '', body: '<svg/>' });
  });
});

describe('mergeThemeCss', () => {
  it('turns values that differ between themes into custom properties with a dark override', () => {
    const css = mergeThemeCss('.x .node{fill:#fff;stroke:#333}', '.x .node{fill:#111;stroke:#333}', 'mmd-1');
    expect(css).toContain('.mmd-1{--m0:#fff}');
    expect(css).toContain(':root[data-theme=dark] .mmd-1{--m0:#111}');
    expect(css).toContain(
      '@media (prefers-color-scheme:dark){:root:not([data-theme=light]) .mmd-1{--m0:#111}}',
    );
    expect(css).toContain('.x .node{fill:var(--m0);stroke:#333}');
  });
  it('reuses one property for the same light/dark pair and handles named colours and rgba', () => {
    const css = mergeThemeCss(
      'a{fill:white;stroke:white}b{color:rgba(1,2,3, 0.5)}',
      'a{fill:#333;stroke:#333}b{color:rgba(9,9,9, 0.5)}',
      's',
    );
    expect(css).toContain('a{fill:var(--m0);stroke:var(--m0)}b{color:var(--m1)}');
  });
  it('keeps the light colour where the dark theme paints with a gradient only its own SVG defines', () => {
    const css = mergeThemeCss(
      '__S__ [data-look=neo].node rect{stroke:#9370DB;fill:#ECECFF}',
      '__S__ [data-look=neo].node rect{stroke:url(__S__-gradient);fill:#1f2020}',
      's',
    );
    expect(css).toContain('[data-look=neo].node rect{stroke:#9370DB;fill:var(--m0)}');
    expect(css).not.toContain('url(');
  });
  it('gives up (null) when the structure differs', () => {
    expect(mergeThemeCss('a{fill:red}', 'a{fill:red}b{fill:blue}', 's')).toBeNull();
    expect(mergeThemeCss('a .x{fill:red}', 'a .y{fill:red}', 's')).toBeNull();
  });
  it('emits no variables when both themes are equal', () => {
    expect(mergeThemeCss('a{fill:red}', 'a{fill:red}', 's')).toBe('a{fill:red}');
  });
});

describe('roundNumbers', () => {
  it('keeps two decimals', () => {
    expect(roundNumbers('M 10.123456 20.5 L 3.999')).toBe('M 10.12 20.5 L 3.99');
  });
});

describe('rewriteSvg', () => {
  const body =
    '<svg id="m-1" width="100%" style="max-width: 200.123456px;" viewBox="0 0 200.123456 100" role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="t">' +
    '<marker id="m-1_used"><path d="M0 0"/></marker><marker id="m-1_unused"/>' +
    '<filter id="m-1-drop-shadow"/>' +
    '<g class="node"><rect style="fill:#e8f5e9 !important;" width="10"/><text>Note</text></g>' +
    '<path marker-end="url(#m-1_used)" style=""/></svg>';
  const { svg, styleClasses } = rewriteSvg(body, 'mmd-abc');

  it('moves every style attribute into a class that keeps its precedence', () => {
    expect(svg).not.toContain('style=');
    const names = Object.keys(styleClasses);
    expect(names).toHaveLength(2);
    expect(Object.values(styleClasses)).toContain(
      'max-width:201px !important;min-width:min(201px,30rem) !important',
    );
    expect(Object.values(styleClasses)).toContain('fill:#e8f5e9 !important');
  });
  it('shows a quoted edge label as quotes, not as "&quot;" (mermaid writes #quot; as entity text)', () => {
    const { svg: out } = rewriteSvg(
      '<svg><text><tspan>Get &amp;quot;apple&amp;quot; &amp;#39;x&amp;#x27; &amp;nope;</tspan></text></svg>',
      's',
    );
    expect(out).toContain('Get "apple" \'x\' &#x26;nope;');
    expect(out).not.toContain('quot');
  });
  it('marks the parent of a light author fill so its label stays dark in dark mode', () => {
    expect(svg).toMatch(/<g class="node lightfill">/);
  });
  it('drops markers and filters nothing references', () => {
    expect(svg).toContain('m-1_used');
    expect(svg).not.toContain('m-1_unused');
    expect(svg).not.toContain('drop-shadow');
  });
  it('makes the root one image with the scope class, rounded numbers', () => {
    expect(svg).toMatch(/^<svg[^>]*class="mmd mmd-abc/);
    expect(svg).toContain('role="img"');
    expect(svg).not.toContain('aria-labelledby');
    expect(svg).toContain('viewBox="0 0 200.12 100"');
  });
  it('drops layout metadata and default font attributes but keeps data-look (CSS selects on it)', () => {
    const { svg: out } = rewriteSvg(
      '<svg><g class="edge edge" data-points="W3t9XQ==" data-id="L_A_B" data-look="classic"><tspan font-style="normal" font-weight="bold">A</tspan></g></svg>',
      's',
    );
    expect(out).toBe(
      '<svg class="mmd s" role="img"><g class="edge" data-look="classic"><tspan font-weight="bold">A</tspan></g></svg>',
    );
  });
  it('lifts the children of attribute-less groups into their parent', () => {
    const { svg: out } = rewriteSvg('<svg><g class="label"><g><g><text>A</text></g></g></g></svg>', 's');
    expect(out).toBe('<svg class="mmd s" role="img"><g class="label"><text>A</text></g></svg>');
  });
  it('keeps text content exactly', () => {
    expect(svg).toContain('<text>Note</text>');
  });
  it('fails loudly when there is no svg', () => {
    expect(() => rewriteSvg('<p>nope</p>', 's')).toThrow(/no <svg>/);
  });
});

describe('buildDiagramCss', () => {
  it('includes each scope once and every style class, sorted and stable', () => {
    const base = { source: '', svg: '', type: 'flowchart-v2', standalone: '', width: 1, height: 1 };
    const css = buildDiagramCss([
      { ...base, scope: 'mmd-b', themeCss: '.mmd-b{x:1}', styleClasses: { 's-2': 'fill:red !important' } },
      { ...base, scope: 'mmd-a', themeCss: '.mmd-a{x:1}', styleClasses: { 's-1': 'fill:blue !important' } },
      { ...base, scope: 'mmd-b', themeCss: '.mmd-b{x:1}', styleClasses: { 's-2': 'fill:red !important' } },
    ]);
    expect(css.match(/\.mmd-b\{x:1\}/g)).toHaveLength(1);
    expect(css.indexOf('.mmd-a{')).toBeLessThan(css.indexOf('.mmd-b{'));
    expect(css).toContain('.mmd.s-1,.mmd .s-1{fill:blue !important}');
    expect(css).toContain('.lightfill text');
  });
});

describe('protectLabels', () => {
  it('keeps a quoted label’s leading ">" from being read as a Markdown quote', () => {
    expect(protectLabels('Q1 -->|"> 15 minutes"| T\nQ1 -->|"< 15 minutes"| Q2')).toBe(
      'Q1 -->|"#gt; 15 minutes"| T\nQ1 -->|"< 15 minutes"| Q2',
    );
    expect(protectLabels('A["> big"] --> B{"> 5?"}')).toBe('A["#gt; big"] --> B{"#gt; 5?"}');
  });

  it('leaves arrows and class-diagram inheritance alone', () => {
    const source = 'A -->|"x"| B\nC --|> D\nE->>F: hi\nG ==> H';
    expect(protectLabels(source)).toBe(source);
  });
});

describe('pageStylesheet', () => {
  const base = { source: '', svg: '', type: 'flowchart-v2', standalone: '', width: 1, height: 1 };
  const a = {
    ...base,
    scope: 'mmd-a',
    themeCss: '.mmd-a{x:1}',
    styleClasses: { 's-1': 'fill:blue !important' },
  };
  const b = { ...base, scope: 'mmd-b', themeCss: '.mmd-b{x:2}', styleClasses: {} };
  it('holds only the styles of the diagrams given, named by a hash of its content', () => {
    const sheet = pageStylesheet([a]);
    expect(sheet?.css).toContain('.mmd-a{x:1}');
    expect(sheet?.css).not.toContain('.mmd-b');
    expect(sheet?.name).toMatch(/^mmd-[0-9a-f]{12}\.css$/);
  });
  it('gives the same name to the same set in any order, another to another set', () => {
    expect(pageStylesheet([a, b])?.name).toBe(pageStylesheet([b, a, b])?.name);
    expect(pageStylesheet([a])?.name).not.toBe(pageStylesheet([a, b])?.name);
  });
  it('is null for a page without diagrams', () => {
    expect(pageStylesheet([])).toBeNull();
  });
  it('leaves the shared theme blocks to the shared stylesheet, keeping classes and heights', () => {
    const drawn = { ...a, svg: '<svg viewBox="0 0 100 50" class="mmd mmd-a"></svg>' };
    const sheet = pageStylesheet([drawn, b], { shared: new Set(['mmd-a', 'mmd-b']) });
    expect(sheet?.css).not.toContain('.mmd-a{x:1}');
    expect(sheet?.css).not.toContain('.mmd-b{x:2}');
    expect(sheet?.css).not.toContain('.lightfill');
    expect(sheet?.css).toContain('.mmd.s-1,.mmd .s-1{fill:blue !important}');
    expect(sheet?.css).toContain('contain-intrinsic-height');
    expect(sheet?.name).not.toBe(pageStylesheet([drawn, b])?.name);
  });
  it('keeps a theme block the shared stylesheet does not hold', () => {
    const sheet = pageStylesheet([a, b], { shared: new Set(['mmd-a']) });
    expect(sheet?.css).not.toContain('.mmd-a{x:1}');
    expect(sheet?.css).toContain('.mmd-b{x:2}');
  });
});

describe('sharedScopes', () => {
  const base = { source: '', svg: '', standalone: '', width: 1, height: 1, styleClasses: {} };
  const plain = { ...base, type: 'flowchart-v2', scope: 'mmd-f', themeCss: '' };
  const seq = { ...base, type: 'sequence', scope: 'mmd-s', themeCss: '' };
  const own = (n: number) => ({ ...base, type: 'flowchart-v2', scope: `mmd-c${n}`, themeCss: '' });
  it('shares, per diagram type, the block the most notes use', () => {
    const notes = [[plain, seq], [plain, plain], [own(1)], [own(2), plain], [seq]];
    expect([...sharedScopes(notes)].sort()).toEqual(['mmd-f', 'mmd-s']);
  });
  it('stays one block per type however many notes bring their own (classDef) block', () => {
    const notes = [[plain], ...Array.from({ length: 50 }, (_, i) => [own(i)])];
    const shared = sharedScopes(notes);
    expect(shared.size).toBe(1);
    // Blocks used by as many notes each: the first by name.
    expect(sharedScopes([[own(2)], [own(1)]])).toEqual(new Set(['mmd-c1']));
  });
  it('counts a note once however many of its diagrams share a block', () => {
    const notes = [[own(1), own(1), own(1)], [plain], [plain]];
    expect(sharedScopes(notes)).toEqual(new Set(['mmd-f']));
  });
  it('is empty for a pile without diagrams', () => {
    expect(sharedScopes([[], []]).size).toBe(0);
  });
});

describe('themeCss', () => {
  const base = { source: '', svg: '', standalone: '', width: 1, height: 1, styleClasses: { 's-1': 'x:1' } };
  it('holds each theme block once, sorted, and no page-specific class', () => {
    const css = themeCss([
      { ...base, type: 'sequence', scope: 'mmd-b', themeCss: '.mmd-b{x:2}' },
      { ...base, type: 'flowchart-v2', scope: 'mmd-a', themeCss: '.mmd-a{x:1}' },
      { ...base, type: 'sequence', scope: 'mmd-b', themeCss: '.mmd-b{x:2}' },
    ]);
    expect(css.match(/\.mmd-b\{x:2\}/g)).toHaveLength(1);
    expect(css.indexOf('.mmd-a{')).toBeLessThan(css.indexOf('.mmd-b{'));
    expect(css).toContain('.lightfill text');
    expect(css).not.toContain('s-1');
  });
});

describe('reservedHeight', () => {
  const art = (svg: string) => ({
    source: 'graph LR\n  A-->B',
    svg,
    type: 'flowchart-v2',
    scope: 'mmd-a',
    themeCss: '',
    styleClasses: {},
    standalone: '',
    width: 1,
    height: 1,
  });
  it('reserves the height the SVG will take at the width its box allows', () => {
    const rule = reservedHeight(art('<svg viewBox="0 0 400.5 200.25" class="mmd"></svg>'));
    expect(rule).toMatch(/^#diagram-[0-9a-f]{8} \.diagram-canvas\{/);
    expect(rule).toContain('contain-intrinsic-height:auto calc(clamp(min(401px,30rem),100cqw,401px)*0.5000)');
  });
  it('reserves nothing when the SVG has no usable viewBox', () => {
    expect(reservedHeight(art('<svg class="mmd"></svg>'))).toBe('');
    expect(reservedHeight(art('<svg viewBox="0 0 0 10"></svg>'))).toBe('');
  });
});

describe('compactPaths', () => {
  it('writes each path the short way and touches nothing else', () => {
    const svg =
      '<svg><path class="edge" d="M172.6,263.7L176.7,263.7C180.9,263.7,189.2,263.7,196.9,263.7L218.6,263.7" marker-end="url(#m)"></path>' +
      '<marker id="m"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker><text x="1.25">M 0 0 L 10 5</text></svg>';
    expect(compactPaths(svg)).toBe(
      '<svg><path class="edge" d="M172.6 263.7h46" marker-end="url(#m)"></path>' +
        '<marker id="m"><path d="m0 0 10 5-10 5z"></path></marker><text x="1.25">M 0 0 L 10 5</text></svg>',
    );
  });
  it('keeps a path that would come out longer, and an SVG without paths as it is', () => {
    expect(compactPaths('<svg><path d="M1 2"></path></svg>')).toBe('<svg><path d="M1 2"></path></svg>');
    expect(compactPaths('<svg><rect width="1"></rect></svg>')).toBe('<svg><rect width="1"></rect></svg>');
  });
});

describe('compactSvg', () => {
  const svg =
    '<svg id="m-1" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 573.33 576.37">' +
    '<path d="M257.84,185.49L250.07,198.41C242.30,211.34,0.04,-0.04,1.96,2.95" class="edge"></path>' +
    '<g class="label" transform="translate(0, -10.5)"><rect x="-33.15" y="-1" width="66.31" height="23"></rect>' +
    '<text y="-10.1" text-anchor="middle"><tspan class="row" x="0" y="-0.1em" dy="1.1em" text-anchor="middle">3.14159 ms at 0.25</tspan></text></g>' +
    '<defs></defs></svg>';

  it('keeps a tenth of a unit of geometry, and no text a reader sees changes', () => {
    const out = compactSvg(svg);
    expect(out).toContain('viewBox="0 0 573.3 576.4"');
    // Rounded, then written the short way: a relative line, the curve absolute (shorter so).
    expect(out).toContain('d="m257.8 185.5-7.7 12.9C242.3 211.3 0 0 2 3"');
    expect(out).toContain('transform="translate(0, -10.5)"');
    expect(out).toContain('<rect x="-33.1" y="-1" width="66.3" height="23">');
    expect(out).toContain('y="-0.1em" dy="1.1em"');
    expect(out).toContain('>3.14159 ms at 0.25</tspan>');
    expect(out).toContain('width="100%"');
  });

  it('reads run-together path numbers one by one and keeps them apart when rounding', () => {
    // Icon paths write "5-0.04" (5, then -0.04), "1.001.45" (1.001, then .45), ".256.255".
    const out = compactSvg(
      '<svg><path d="M5-0.04l1.001.45h2.96.5v-17l.001-.45l.256.255.253M12.345.001l1.5e-7 3"></path></svg>',
    );
    // Rounded to "M5 0l1 0.5h3 0.5v-17l0-0.4l0.3 0.3 0.3M12.3 0l0 3", then shortened; the odd
    // "0.3" is an error in the data, where a browser stops drawing, so what follows goes too.
    expect(out).toContain('d="m5 0 1 .5h3.5v-17.4l.3.3"');
    expect(compactSvg(out)).toBe(out);
  });

  it('drops what an SVG inside HTML does not need: namespaces, empty defs, an inherited text-anchor', () => {
    const out = compactSvg(svg);
    expect(out).toMatch(/^<svg id="m-1" width="100%" viewBox=/);
    expect(out).not.toContain('xmlns');
    expect(out).not.toContain('<defs>');
    expect(out).toContain(
      '<text y="-10.1" text-anchor="middle"><tspan class="row" x="0" y="-0.1em" dy="1.1em">',
    );
    expect(compactSvg(out)).toBe(out);
  });
});
