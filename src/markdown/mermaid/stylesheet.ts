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
  const css = buildDiagramCss(artifacts);
  return { name: `mmd-${shortHash(css, 12)}.css`, css };
}

/** Where the build writes page stylesheets, under the site's base: the hashed-asset folder. */
export const STYLESHEET_DIR = '_astro';
