import type { DiagramArtifact } from './svg.ts';
import { shortHash } from './svg.ts';

/** Rules every diagram needs, whatever its type. */
const BASE = [
  // An author's light fill (`style X fill:#e8f5e9`) keeps dark text in dark mode too.
  '.mmd .lightfill text,.mmd .lightfill tspan{fill:#1b1b1f!important}',
].join('');

/**
 * The stylesheet for a set of diagrams: each distinct mermaid theme block once, plus the
 * classes that replaced `style` attributes. Sorted, so the output (and its hash) is stable.
 */
export function buildDiagramCss(artifacts: readonly DiagramArtifact[]): string {
  const themes = new Map<string, string>();
  const classes = new Map<string, string>();
  for (const artifact of artifacts) {
    themes.set(artifact.scope, artifact.themeCss);
    for (const [name, declarations] of Object.entries(artifact.styleClasses)) classes.set(name, declarations);
  }
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return (
    BASE +
    sorted(themes)
      .map(([, css]) => css)
      .join('\n') +
    '\n' +
    sorted(classes)
      .map(([name, declarations]) => `.mmd.${name},.mmd .${name}{${declarations}}`)
      .join('\n')
  );
}

export interface PageStylesheet {
  /** File name, from a hash of the content: cacheable for ever, shared by pages with the same set. */
  name: string;
  css: string;
}

/**
 * One note's diagram stylesheet: only the theme blocks and classes its own diagrams use, so a
 * page's weight never depends on how many other notes (and diagram styles) the site holds.
 * Null for a note without diagrams.
 */
export function pageStylesheet(artifacts: readonly DiagramArtifact[]): PageStylesheet | null {
  if (!artifacts.length) return null;
  const css =
    buildDiagramCss(artifacts) + '\n' + [...new Set(artifacts.map(reservedHeight))].sort().join('\n');
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
