/**
 * What Pagefind reads from a built page, decided here rather than in the served HTML.
 *
 * Pagefind skips everything inside `<svg>`, so a word that appears only in a diagram would not
 * find its note. Before indexing, each diagram is replaced by its text labels as plain text
 * (only in the copy Pagefind reads: the served page is unchanged and no heavier), and the
 * diagram's "text version" (its mermaid source) is left out, so results show "Load Balancer",
 * not `LB[Load Balancer] -->`. Heading "#" links, "Open full size" links and "not included" notices are left out too.
 *
 * The copy is also small: Pagefind parses every byte it is given, and the diagrams' SVG was
 * 60 % of a note page's bytes (the head, navigation and footer another 5 %), none of it
 * searchable. So the copy holds the page's head (its language and title), the element marked
 * `data-pagefind-body` onwards to the end of `<main>`, and the diagrams' labels instead of the
 * diagrams: at 1,000 notes 45 MB instead of 85, the same index.
 */
import { escapeHtml } from '../content/html.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text labels of one SVG, in document order, each once. */
export function svgLabels(svg: string): string[] {
  const labels: string[] = [];
  for (const match of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    // Multi-line labels are one <tspan> per line: join the lines with a space.
    const label = decodeEntities(
      (match[1] ?? '')
        .replace(/<\/tspan>\s*<tspan\b/g, '</tspan> <tspan')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/**
 * The head and the searchable part of a page: from the element marked `data-pagefind-body` to
 * the end of `<main>` (what follows it inside `<main>` is outside that element, so Pagefind
 * skips it as before). A page shaped otherwise is kept whole.
 */
export function searchablePart(html: string): string {
  const body = html.search(/<body[\s>]/);
  const marker = body < 0 ? -1 : html.indexOf(' data-pagefind-body', body);
  const start = marker < 0 ? -1 : html.lastIndexOf('<', marker);
  const end = marker < 0 ? -1 : html.indexOf('</main>', marker);
  if (start < 0 || end < 0) return html;
  return `${html.slice(0, body)}<body>${html.slice(start, end)}</body></html>`;
}

/** Each outermost `<svg>…</svg>` (an SVG inside another stays part of it) replaced by `replace(svg)`. */
export function replaceSvgs(html: string, replace: (svg: string) => string): string {
  const tokens = /<svg\b|<\/svg>/g;
  let out = '';
  let from = 0;
  let start = -1;
  let depth = 0;
  for (const token of html.matchAll(tokens)) {
    if (token[0] !== '</svg>') {
      if (depth++ === 0) start = token.index;
    } else if (depth > 0 && --depth === 0) {
      const end = token.index + token[0].length;
      out += html.slice(from, start) + replace(html.slice(start, end));
      from = end;
    }
  }
  // An SVG left open is kept as it is.
  return out + html.slice(from);
}

/** The page as Pagefind should read it (see the file comment). */
export function prepareForIndex(html: string): string {
  return (
    replaceSvgs(searchablePart(html), (svg) => {
      const labels = svgLabels(svg);
      return labels.length ? `<p class="diagram-labels">${labels.map(escapeHtml).join(' · ')}</p>` : '';
    })
      // Pagefind would skip it (data-pagefind-ignore), but it would still be parsed.
      .replace(/<details class="diagram-source"[\s\S]*?<\/details>/g, '')
      // The "#" link after every heading would end each section title in results, and the
      // "image not included" notices are about the import, not the topic.
      .replace(/<a class="heading-anchor"/g, '<a data-pagefind-ignore="all" class="heading-anchor"')
      .replace(/<(aside|span) class="missing-asset"/g, '<$1 data-pagefind-ignore="all" class="missing-asset"')
      // "Open full size" after every diagram caption.
      .replace(/<span class="diagram-actions"/g, '<span data-pagefind-ignore="all" class="diagram-actions"')
      // Adjacent table cells would run together ("AspectBenefitScaling") in excerpts.
      .replace(/<\/(td|th)></g, '</$1> <')
  );
}

/** dist-relative file path → the URL a static host serves it at (`notes/a/index.html` → `/notes/a/`). */
export function pageUrl(relativePath: string): string {
  const path = relativePath.split('\\').join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
