import type { DiagramArtifact } from './svg.ts';
import { shortHash } from './svg.ts';

/** Rules every diagram needs, whatever its type. */
const BASE = [
  // An author's light fill (`style X fill:#e8f5e9`) keeps dark text in dark mode too.
  '.mmd .lightfill text,.mmd .lightfill tspan{fill:#1b1b1f!important}',
].join('');

const sortedValues = (map: Map<string, string>) =>
  [...map].sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);

/** The classes that replaced `style` attributes, each once, sorted (so the hash is stable). */
function classRules(artifacts: readonly DiagramArtifact[]): string {
  const classes = new Map<string, string>();
  for (const artifact of artifacts)
    for (const [name, declarations] of Object.entries(artifact.styleClasses))
      classes.set(name, `.mmd.${name},.mmd .${name}{${declarations}}`);
  return sortedValues(classes).join('\n');
}

/**
 * The diagrams' theme: each distinct mermaid theme block once (one per diagram type and
 * theme: a handful for a whole site, however many notes it has). Sorted, so the output is stable.
 */
export function themeCss(artifacts: readonly DiagramArtifact[]): string {
  const themes = new Map<string, string>();
  for (const artifact of artifacts) themes.set(artifact.scope, artifact.themeCss);
  return BASE + sortedValues(themes).join('\n');
}

/** The stylesheet for a set of diagrams: their theme blocks plus the classes of their `style`s. */
export function buildDiagramCss(artifacts: readonly DiagramArtifact[]): string {
  return `${themeCss(artifacts)}\n${classRules(artifacts)}`;
}

export interface PageStylesheet {
  /** File name, from a hash of the content: cacheable for ever, shared by pages with the same set. */
  name: string;
  css: string;
}

/**
 * One note's diagram stylesheet: only what its own diagrams need, so a page's weight never
 * depends on how many other notes the site holds — the classes of their `style`s and the
 * height each reserves. The theme blocks, the same for every note with diagrams of a type, are
 * in the notes' shared stylesheet (`themes: false`, the build: see src/integrations/diagrams.ts);
 * with `themes: true` (dev, where a diagram of a new type can appear at any edit) they are here
 * too. Null for a note without diagrams.
 */
export function pageStylesheet(
  artifacts: readonly DiagramArtifact[],
  { themes = true }: { themes?: boolean } = {},
): PageStylesheet | null {
  if (!artifacts.length) return null;
  const heights = [...new Set(artifacts.map(reservedHeight))].sort().join('\n');
  const css = `${themes ? buildDiagramCss(artifacts) : classRules(artifacts)}\n${heights}`;
  return { name: `mmd-${shortHash(css, 12)}.css`, css };
}

/** Where the build writes page stylesheets, under the site's base: the hashed-asset folder. */
export const STYLESHEET_DIR = '_astro';

/**
 * Diagrams off screen are not laid out until they come near (global.css: `content-visibility:
 * auto` on `.diagram-canvas`): a note with 21 diagrams spent ≈ 270 ms laying out thousands of
 * SVG nodes before it could respond. A skipped box must keep its real height, or a jump to a
 * section lands in the wrong place: the SVG is as wide as its box allows, between
 * min(natural width, 30rem) and its natural width (see rewriteSvg), and keeps its aspect ratio,
 * so its height is that width (`100cqw` of the figure) times height/width.
 */
export function reservedHeight(artifact: DiagramArtifact): string {
  const box = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(artifact.svg);
  const width = Number(box?.[1]);
  const height = Number(box?.[2]);
  if (!(width > 0 && height > 0)) return '';
  const natural = `${Math.ceil(width)}px`;
  const ratio = (height / width).toFixed(4);
  return `#diagram-${shortHash(artifact.source)} .diagram-canvas{contain-intrinsic-height:auto calc(clamp(min(${natural},30rem),100cqw,${natural})*${ratio})}`;
}
