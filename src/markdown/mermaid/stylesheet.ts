import type { DiagramArtifact } from './svg.ts';

/** Rules every diagram needs, whatever its type. */
const BASE = [
  // An author's light fill (`style X fill:#e8f5e9`) keeps dark text in dark mode too.
  '.mmd .lightfill text,.mmd .lightfill tspan{fill:#1b1b1f!important}',
].join('');

/**
 * One stylesheet for all diagrams: each distinct mermaid theme block once, plus the classes
 * that replaced `style` attributes. Sorted, so the output (and its hash) is stable.
 */
export function buildDiagramCss(artifacts: DiagramArtifact[]): string {
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
