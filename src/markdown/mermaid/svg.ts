/**
 * Turns mermaid's SVG output into markup that works under a strict CSP and follows the
 * site's theme. Mermaid puts a `<style>` element and many `style="…"` attributes into every
 * SVG; a CSP without 'unsafe-inline' blocks both. We move the `<style>` into one shared
 * stylesheet (deduplicated across diagrams, light/dark differences turned into CSS custom
 * properties) and the attribute styles into classes. Pure: strings in, strings out.
 */
import { createHash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { optimize } from 'svgo';

export interface DiagramArtifact {
  /** The mermaid source this was rendered from. */
  source: string;
  /** Final SVG markup, ids unique to this diagram, no inline styles. */
  svg: string;
  /** The diagram type mermaid reports (`flowchart-v2`, `sequence`, `stateDiagram`, …). */
  type: string;
  /** Scope class shared by all diagrams whose mermaid CSS is identical. */
  scope: string;
  /** Theme CSS for the scope: light values by default, dark values as custom properties. */
  themeCss: string;
  /** Classes that replace `style` attributes: class name → declarations. */
  styleClasses: Record<string, string>;
  /** Original light SVG (with its own `<style>`) for the full-size standalone file. */
  standalone: string;
  width: number;
  height: number;
}

export const shortHash = (text: string, length = 8): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces a DOM id everywhere, without touching ids that merely start with it (`d-1` vs `d-12`). */
export function renameId(svg: string, from: string, to: string): string {
  return svg.replace(new RegExp(`${escapeRegExp(from)}(?![0-9])`, 'g'), to);
}

export function splitStyle(svg: string): { css: string; body: string } {
  const match = /<style>([\s\S]*?)<\/style>/.exec(svg);
  if (!match) return { css: '', body: svg };
  // XMLSerializer escapes `>` (child combinators) in the style text; CSS wants it raw.
  const css = (match[1] ?? '')
    .replaceAll('&gt;', '>')
    .replaceAll('&lt;', '<')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
  return { css, body: svg.replace(match[0], '') };
}

const TOKEN = /#[0-9a-fA-F]{3,8}\b|url\([^)]*\)|(?:rgb|hsl)a?\([^)]*\)|!important|[-\w.%]+/g;

/**
 * Merges mermaid's light and dark CSS for one diagram into one block: where the two differ
 * only in values, each differing value becomes a custom property with a light default and a
 * dark override. Returns null when the two blocks differ in structure.
 */
export function mergeThemeCss(light: string, dark: string, scope: string): string | null {
  const lightTokens = [...light.matchAll(TOKEN)];
  const darkTokens = [...dark.matchAll(TOKEN)].map((m) => m[0]);
  if (lightTokens.length !== darkTokens.length) return null;
  const lightVars: string[] = [];
  const darkVars: string[] = [];
  const seen = new Map<string, string>();
  let out = '';
  let last = 0;
  for (const [i, match] of lightTokens.entries()) {
    const lightValue = match[0];
    const darkValue = darkTokens[i] as string;
    out += light.slice(last, match.index);
    last = match.index + lightValue.length;
    // Mermaid's dark theme strokes `look: neo` shapes with a gradient that only its dark SVG
    // defines (`url(#<id>-gradient)`); the page holds the light SVG, where that reference would
    // paint nothing. Those shapes keep their light colour in the dark theme.
    if (lightValue === darkValue || (darkValue.startsWith('url(') && !lightValue.startsWith('url('))) {
      out += lightValue;
      continue;
    }
    // Only declaration values may differ; a differing selector or property is another structure.
    const before = light.slice(0, match.index);
    if (before.lastIndexOf(':') <= Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'))) return null;
    const key = `${lightValue}|${darkValue}`;
    let name = seen.get(key);
    if (!name) {
      name = `--m${seen.size}`;
      seen.set(key, name);
      lightVars.push(`${name}:${lightValue}`);
      darkVars.push(`${name}:${darkValue}`);
    }
    out += `var(${name})`;
  }
  out += light.slice(last);
  const sel = `.${scope}`;
  const vars = lightVars.length
    ? `${sel}{${lightVars.join(';')}}` +
      `:root[data-theme=dark] ${sel}{${darkVars.join(';')}}` +
      `@media (prefers-color-scheme:dark){:root:not([data-theme=light]) ${sel}{${darkVars.join(';')}}}`
    : '';
  return vars + out;
}

/** Keeps two decimals: sub-pixel layout precision is invisible and costs a tenth of the bytes. */
export const roundNumbers = (value: string): string => value.replace(/(\d+\.\d\d)\d+/g, '$1');

/** Geometry attributes: numbers only, never text a reader sees. */
const GEOMETRY =
  /\s(d|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|width|height|transform|viewBox|points|refX|refY|markerWidth|markerHeight)="([^"]*)"/g;

/** `12.34` → `12.3`, `7.00` → `7`, `-0.04` → `0`: a tenth of a unit, rounded. */
const tenth = (number: string): string => {
  const value = Math.round(Number(number) * 10) / 10;
  return String(Object.is(value, -0) ? 0 : value);
};

/** One number as SVG writes them: path data runs them together ("5-0.04", ".256.255", "1.5e-7"). */
const SVG_NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * Every decimal of an attribute to a tenth, read number by number and kept apart: a rounded
 * number that loses its sign or its point must not run into its neighbour ("5-0.04" → "5 0", not
 * "50"; "5.04.5" → "5 0.5", not "50.5"), or the path draws another shape, or none.
 */
function roundGeometry(value: string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(SVG_NUMBER)) {
    const number = match[0];
    const between = value.slice(last, match.index);
    const rounded = number.includes('.') || /e/i.test(number) ? tenth(number) : number;
    // A rounded number starts with a digit or "-": only a digit can run into the one before.
    const joins = between === '' && /^\d/.test(rounded) && /[\d.]$/.test(out);
    out += between + (joins ? ' ' : '') + rounded;
    last = match.index + number.length;
  }
  return out + value.slice(last);
}

/**
 * The page's copy of a rendered diagram, made smaller without changing a pixel a reader can
 * see: geometry to a tenth of a unit (a diagram is never drawn larger than its natural size, so
 * that is at most 0.05 px off), no namespace declarations (an SVG inside HTML needs none), no
 * empty `<defs>`, and no `text-anchor` on a line that inherits the same from its label. Applied
 * where a page takes the diagram (src/markdown/remark-mermaid.ts), after the render cache, so
 * cached renders need not be redone. Path data is then written the short way (compactPaths).
 * Pure: string in, string out; idempotent.
 */
export function compactSvg(svg: string): string {
  return compactPaths(roundSvg(svg));
}

const PATH_D = /(<path\b[^>]*?\sd=")([^"]*)(")/g;

/**
 * Every path's data written the short way by SVGO's convertPathData (relative commands,
 * shorthands, repeated commands left out, at the same tenth of a unit): path data was half of
 * a diagram's bytes, and a third of it goes. Only the `d` values change, each read apart from
 * the rest of the SVG (no transform folded in, no other markup rewritten); anything SVGO cannot
 * read keeps its data as it was.
 */
export function compactPaths(svg: string): string {
  const data = [...svg.matchAll(PATH_D)].map((m) => m[2] as string);
  if (!data.length) return svg;
  let short: string[];
  try {
    const doc = `<svg xmlns="http://www.w3.org/2000/svg">${data.map((d) => `<path d="${d}"/>`).join('')}</svg>`;
    // No arcs made from curves: that approximates the shape by up to half a unit.
    const plugins = [
      { name: 'convertPathData' as const, params: { floatPrecision: 1, makeArcs: undefined } },
    ];
    short = [...optimize(doc, { plugins }).data.matchAll(/<path d="([^"]*)"\/>/g)].map((m) => m[1] as string);
  } catch {
    return svg;
  }
  if (short.length !== data.length) return svg;
  let i = 0;
  return svg.replace(PATH_D, (_, before: string, d: string, after: string) => {
    const next = short[i++] as string;
    return before + (next.length && next.length <= d.length ? next : d) + after;
  });
}

/** The geometry and markup steps of compactSvg. */
function roundSvg(svg: string): string {
  return svg
    .replace(GEOMETRY, (_, name: string, value: string) => ` ${name}="${roundGeometry(value)}"`)
    .replace(/^(<svg\b[^>]*?) xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '$1')
    .replace(/^(<svg\b[^>]*?) xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/, '$1')
    .replaceAll('<defs></defs>', '')
    .replace(/(<text\b[^>]* text-anchor="middle"[^>]*>)<tspan([^>]*?) text-anchor="middle"/g, '$1<tspan$2');
}

function normaliseDeclarations(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim().replace(/\s*:\s*/, ':'))
    .filter((d) => d.includes(':') && !/:\s*$/.test(d))
    .join(';');
}

const lightFill = (declarations: string): boolean => {
  const match = /(?:^|;)fill:#([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(declarations);
  if (!match?.[1]) return false;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6;
};

function classList(el: Element): string[] {
  const value: unknown = el.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/**
 * Mermaid wraps every word of a label in its own <tspan>; when the words share all attributes
 * their text joins into the parent line's tspan (same rendering, a third of the nodes).
 */
function mergeWordTspans(line: Element): void {
  const words = line.children;
  if (!words.length) return;
  const first = words[0];
  if (first?.type !== 'element' || first.tagName !== 'tspan') return;
  const signature = (el: Element) => JSON.stringify(el.properties);
  const same = words.every(
    (w) =>
      w.type === 'element' &&
      w.tagName === 'tspan' &&
      signature(w) === signature(first) &&
      w.children.every((c) => c.type === 'text'),
  );
  if (!same) return;
  const text = words
    .map((w) =>
      w.type === 'element' ? w.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : '',
    )
    .join('');
  const inner = first.properties;
  const onlyClass = Object.keys(inner).every((k) => k === 'className');
  if (!onlyClass) return;
  line.children = [{ type: 'text', value: text }];
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Mermaid's plain-text labels turn `#quot;` into the text "&quot;" (an entity as characters),
 * which the page would show literally: decode such entities once.
 */
export const decodeLabelEntities = (text: string): string =>
  text.replace(/&(quot|amp|lt|gt|apos|#\d+|#x[0-9a-f]+);/gi, (all, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(
          name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
        )
      : (ENTITIES[name.toLowerCase()] ?? all),
  );

function walk(node: Root | Element, visit: (el: Element, parent: Root | Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      visit(child, node);
      walk(child, visit);
    }
  }
}

/**
 * Rewrites the SVG tree: attribute styles → classes (with `!important`, since the inline
 * style used to win over the stylesheet), rounded coordinates, unused `<marker>`/`<filter>`
 * definitions dropped, and the root marked as one image with an accessible name.
 */
export function rewriteSvg(
  body: string,
  scope: string,
): { svg: string; styleClasses: Record<string, string> } {
  const tree = fromHtml(body, { fragment: true, space: 'svg' });
  const root = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!root) throw new Error('mermaid returned no <svg> element');
  const naturalWidth = /max-width:\s*([\d.]+)px/.exec(String(root.properties.style ?? ''))?.[1];
  if (naturalWidth) {
    // On a phone a wide diagram keeps a readable scale and scrolls in its own box, instead of
    // shrinking to unreadable text; narrow diagrams are never scaled up.
    const width = `${Math.ceil(Number(naturalWidth))}px`;
    root.properties.style = `max-width:${width};min-width:min(${width},30rem)`;
  }
  const styleClasses: Record<string, string> = {};
  const referenced = new Set<string>();

  walk(tree, (el, parent) => {
    for (const child of el.children)
      if (child.type === 'text' && child.value.includes('&')) child.value = decodeLabelEntities(child.value);
    // Layout metadata mermaid leaves for its own scripts (edge points as base64, node ids):
    // a fifth of the bytes, read by nothing once the diagram is drawn. `data-look` stays: CSS uses it.
    for (const key of ['dataPoints', 'dataEdge', 'dataEt', 'dataId', 'dataFrom', 'dataTo', 'dataNode']) {
      delete el.properties[key];
    }
    if (el.properties.fontStyle === 'normal') delete el.properties.fontStyle;
    if (el.properties.fontWeight === 'normal') delete el.properties.fontWeight;
    const classes = classList(el);
    if (classes.length) el.properties.className = [...new Set(classes)];
    for (const [key, value] of Object.entries(el.properties)) {
      if (typeof value === 'string') {
        const rounded = roundNumbers(value);
        el.properties[key] = rounded;
        for (const ref of rounded.matchAll(/url\(#([^)]+)\)/g)) referenced.add(ref[1] as string);
        if (/href$/i.test(key) && rounded.startsWith('#')) referenced.add(rounded.slice(1));
      }
    }
    const style = el.properties.style;
    if (typeof style === 'string') {
      delete el.properties.style;
      const declarations = normaliseDeclarations(style);
      if (declarations) {
        const name = `s-${shortHash(declarations, 6)}`;
        styleClasses[name] = declarations
          .split(';')
          .map((d) => `${d.replace(/\s*!important/, '')} !important`)
          .join(';');
        el.properties.className = [...classList(el), name];
        if (lightFill(declarations) && parent.type === 'element') {
          // An author's light fill keeps its dark label text in dark mode too.
          parent.properties.className = [...classList(parent), 'lightfill'];
        }
      }
    }
  });

  // Fewer nodes, faster first paint: a note with 21 diagrams is mostly SVG DOM.
  const prune = (node: Root | Element) => {
    for (const child of node.children) if (child.type === 'element') prune(child);
    node.children = node.children.filter(
      (child: RootContent) =>
        !(
          child.type === 'element' &&
          (((child.tagName === 'marker' || child.tagName === 'filter') &&
            !referenced.has(String(child.properties.id))) ||
            // empty groups, labels and zero-size rects: placeholders for edge labels, clusters
            // and backgrounds a diagram does not have
            (['g', 'text', 'tspan'].includes(child.tagName) &&
              child.children.length === 0 &&
              !child.properties.id) ||
            (child.tagName === 'rect' &&
              child.properties.width === undefined &&
              child.properties.height === undefined))
        ),
    );
    if (node.type === 'element' && node.tagName === 'tspan') mergeWordTspans(node);
  };
  prune(tree);

  walk(tree, (el) => {
    // Ids only matter where something points at them (markers); the root keeps its id.
    if (el !== root && typeof el.properties.id === 'string' && !referenced.has(el.properties.id)) {
      delete el.properties.id;
    }
  });
  // A <g> without attributes groups nothing that matters once drawn (mermaid's CSS only uses
  // `>` between text and tspan): its children take its place. A third of all groups.
  const unwrap = (node: Root | Element) => {
    for (const child of node.children) if (child.type === 'element') unwrap(child);
    node.children = node.children.flatMap((child) =>
      child.type === 'element' && child.tagName === 'g' && Object.keys(child.properties).length === 0
        ? child.children
        : [child],
    ) as typeof node.children;
  };
  unwrap(root);
  root.properties.className = ['mmd', scope, ...classList(root).filter((c) => c !== 'flowchart')];
  root.properties.role = 'img';
  // Our figure names the diagram; mermaid's title/desc ids would point at removed nodes.
  delete root.properties.ariaLabelledBy;
  delete root.properties.ariaDescribedBy;
  return { svg: toHtml(tree, { space: 'svg' }), styleClasses };
}
