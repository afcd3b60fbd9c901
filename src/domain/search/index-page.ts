/**
 * What Pagefind reads from a built page, decided here rather than in the served HTML.
 *
 * Pagefind skips everything inside `<svg>`, so a word that appears only in a diagram would not
 * find its note. Before indexing, each diagram's text labels are added next to it as plain
 * text (only in the copy Pagefind reads: the served page is unchanged and no heavier), and the
 * diagram's "text version" (its mermaid source) is left out, so results show "Load Balancer",
 * not `LB[Load Balancer] -->`. Heading "#" links, "Open full size" links and "not included" notices are left out too.
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

/** The page as Pagefind should read it (see the file comment). */
export function prepareForIndex(html: string): string {
  return (
    html
      .replace(/<svg\b[\s\S]*?<\/svg>/g, (svg) => {
        const labels = svgLabels(svg);
        return labels.length
          ? `${svg}<p class="diagram-labels">${labels.map(escapeHtml).join(' · ')}</p>`
          : svg;
      })
      .replace(
        /<details class="diagram-source"/g,
        '<details data-pagefind-ignore="all" class="diagram-source"',
      )
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
