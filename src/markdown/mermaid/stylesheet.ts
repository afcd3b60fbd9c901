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

/**
 * The theme blocks every page loads (the notes' shared stylesheet): for each diagram type, the
 * block the most notes use. Bounded by the number of diagram types, never by the size of the
 * pile: a diagram whose `classDef`s give it a block of its own keeps that block in its note's
 * sheet (sharing every block made the site's stylesheet grow by ≈ 5 KB for each such note, on
 * every page). Ties go to the first scope by name, so the choice is stable.
 */
export function sharedScopes(notes: readonly (readonly DiagramArtifact[])[]): Set<string> {
  const uses = new Map<string, { type: string; notes: number }>();
  for (const note of notes)
    for (const scope of new Set(note.map((a) => a.scope))) {
      const type = note.find((a) => a.scope === scope)?.type ?? '';
      const seen = uses.get(scope);
      uses.set(scope, { type, notes: (seen?.notes ?? 0) + 1 });
    }
  const best = new Map<string, string>();
  for (const [scope, { type, notes: count }] of [...uses].sort(([a], [b]) => a.localeCompare(b))) {
    const current = best.get(type);
    if (current === undefined || count > (uses.get(current)?.notes ?? 0)) best.set(type, scope);
  }
  return new Set(best.values());
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
 * height each reserves, and the theme blocks not in the notes' shared stylesheet (`shared`, the
 * build: see sharedScopes and src/integrations/diagrams.ts). Without `shared` (dev, where a
 * diagram of a new type can appear at any edit) every theme block is here. Null for a note
 * without diagrams.
 */
export function pageStylesheet(
  artifacts: readonly DiagramArtifact[],
  { shared }: { shared?: ReadonlySet<string> | undefined } = {},
): PageStylesheet | null {
  if (!artifacts.length) return null;
  const heights = [...new Set(artifacts.map(reservedHeight))].sort().join('\n');
  const own = shared
    ? sortedValues(new Map(artifacts.filter((a) => !shared.has(a.scope)).map((a) => [a.scope, a.themeCss])))
    : [themeCss(artifacts)];
  const css = `${own.join('\n')}\n${classRules(artifacts)}\n${heights}`;
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
