/**
 * Renders mermaid diagrams to SVG with real mermaid in headless Chromium, in batches (one
 * browser launch per batch, not per diagram) and behind a disk cache keyed by the diagram's
 * source and the renderer's version, so a rebuild with unchanged diagrams launches no browser.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import { CHROMIUM_ARGS, findChromium } from '../../lib/chromium.ts';
import { type DiagramArtifact, mergeThemeCss, renameId, rewriteSvg, shortHash, splitStyle } from './svg.ts';

const require = createRequire(import.meta.url);
const MERMAID_VERSION: string = require('mermaid/package.json').version;
/** Bump when the SVG post-processing changes, so cached artifacts are rebuilt. */
const TRANSFORM_VERSION = 15;
export const RENDERER_VERSION = `mermaid@${MERMAID_VERSION}+t${TRANSFORM_VERSION}`;

export type RenderOutcome = { ok: true; artifact: DiagramArtifact } | { ok: false; message: string };

// Plain SVG <text> labels: no <foreignObject> HTML, text stays selectable and indexable.
const config = (theme: 'default' | 'dark'): MermaidConfig => ({
  theme,
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  securityLevel: 'strict',
  fontFamily: 'ui-sans-serif, system-ui, sans-serif',
});

/**
 * Mermaid reads plain-SVG labels as Markdown, so a quoted label that starts with "> " (seed 000's
 * `|"> 15 minutes"|`) became a blockquote and lost its sign. Mermaid's own entity keeps it.
 */
export const protectLabels = (source: string): string => source.replace(/([|[{(]")>(?=\s)/g, '$1#gt;');

export const cacheKey = (source: string): string => shortHash(`${RENDERER_VERSION}\n${source}`, 16);

export interface RendererOptions {
  cacheDir: string;
  /** Called once per browser launch, so tests and logs can tell a warm build from a cold one. */
  onLaunch?: (count: number) => void;
}

export function createDiagramRenderer({ cacheDir, onLaunch }: RendererOptions) {
  const memory = new Map<string, RenderOutcome>();

  async function readCached(key: string): Promise<RenderOutcome | undefined> {
    const hit = memory.get(key);
    if (hit) return hit;
    try {
      const artifact = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as DiagramArtifact;
      const outcome: RenderOutcome = { ok: true, artifact };
      memory.set(key, outcome);
      return outcome;
    } catch {
      return undefined;
    }
  }

  async function writeCached(key: string, artifact: DiagramArtifact): Promise<void> {
    await mkdir(cacheDir, { recursive: true });
    const file = join(cacheDir, `${key}.json`);
    // Write then rename: two builds at once never read a half-written entry.
    await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(artifact));
    await rename(`${file}.${process.pid}.tmp`, file);
  }

  async function renderFresh(sources: string[]): Promise<RenderOutcome[]> {
    const { createMermaidRenderer } = await import('mermaid-isomorphic');
    const render = createMermaidRenderer({
      launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    });
    onLaunch?.(sources.length);
    const prefix = 'mmdbatch';
    /**
     * Two pages of one browser at once (each page has its own renderer process): both cores
     * draw. Alternate items, so a run of big diagrams does not land on one page.
     */
    const renderSplit = async (items: string[], theme: 'default' | 'dark') => {
      const halves = [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
      const done = await Promise.all(
        halves.map((half) =>
          half.length ? render(half.map(protectLabels), { prefix, mermaidConfig: config(theme) }) : [],
        ),
      );
      return items.map((_, i) => done[i % 2]?.[Math.floor(i / 2)]);
    };
    const light = await renderSplit(sources, 'default');
    const scopeMark = '__SCOPE__';
    const drawn = sources.map((source, i) => {
      const l = light[i];
      if (!l || l.status === 'rejected') return null;
      const id = `m-${shortHash(source)}`;
      const lightSvg = renameId(l.value.svg, l.value.id, id);
      const { css, body } = splitStyle(lightSvg);
      return { id, lightSvg, body, lightNorm: css.replaceAll(`#${id}`, scopeMark), value: l.value };
    });
    /**
     * The layout is the same in both themes and the dark theme only changes the values of
     * mermaid's stylesheet, which depends on the diagram type and its classDefs — all visible in
     * the light stylesheet. So diagrams with the same light stylesheet share one dark render:
     * one per distinct stylesheet, not one per diagram.
     */
    const families = new Map<string, number>();
    drawn.forEach((d, i) => {
      if (d && !families.has(d.lightNorm)) families.set(d.lightNorm, i);
    });
    const representatives = [...families.values()];
    const dark = await renderSplit(
      representatives.map((i) => sources[i] as string),
      'dark',
    );
    const darkNorm = new Map<string, string>();
    representatives.forEach((sourceIndex, k) => {
      const d = dark[k];
      const own = drawn[sourceIndex];
      if (!own || !d || d.status !== 'fulfilled') return;
      const css = splitStyle(renameId(d.value.svg, d.value.id, own.id)).css;
      darkNorm.set(own.lightNorm, css.replaceAll(`#${own.id}`, scopeMark));
    });
    return sources.map((source, i): RenderOutcome => {
      const d = drawn[i];
      if (!d) {
        const l = light[i] as PromiseRejectedResult | undefined;
        const reason = l?.reason as { message?: string } | undefined;
        return { ok: false, message: String(reason?.message ?? reason ?? 'unknown mermaid error') };
      }
      const { lightSvg, body, lightNorm } = d;
      const darkCss = darkNorm.get(lightNorm) ?? lightNorm;
      const scope = `mmd-${shortHash(lightNorm + darkCss, 6)}`;
      const merged = mergeThemeCss(lightNorm, darkCss, scope);
      // Where light and dark differ in structure, keep light colours on a light card.
      const themeCss = (merged ?? `.${scope}{background:#fff}${lightNorm}`).replaceAll(
        scopeMark,
        `.${scope}`,
      );
      const { svg, styleClasses } = rewriteSvg(body, scope);
      const type = /aria-roledescription="([^"]+)"/.exec(body)?.[1] ?? 'diagram';
      return {
        ok: true,
        artifact: {
          source,
          svg,
          type,
          scope,
          themeCss,
          styleClasses,
          standalone: lightSvg,
          width: d.value.width,
          height: d.value.height,
        },
      };
    });
  }

  /** Renders every source (cached ones from disk); results match the input order. */
  async function renderAll(sources: string[]): Promise<RenderOutcome[]> {
    const keys = sources.map(cacheKey);
    const results = await Promise.all(keys.map(readCached));
    const missing = [...new Set(sources.filter((_, i) => !results[i]))];
    if (missing.length) {
      const fresh = await renderFresh(missing);
      await Promise.all(
        missing.map(async (source, i) => {
          const outcome = fresh[i] as RenderOutcome;
          const key = cacheKey(source);
          memory.set(key, outcome);
          if (outcome.ok) await writeCached(key, outcome.artifact);
        }),
      );
    }
    return keys.map((key) => memory.get(key) as RenderOutcome);
  }

  /** Every successful artifact seen by this process (for the shared stylesheet). */
  const artifacts = (): DiagramArtifact[] => [...memory.values()].flatMap((o) => (o.ok ? [o.artifact] : []));

  return { renderAll, artifacts };
}

export type DiagramRenderer = ReturnType<typeof createDiagramRenderer>;
