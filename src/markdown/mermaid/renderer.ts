/**
 * Renders mermaid diagrams to SVG with real mermaid in headless Chromium (one browser per run,
 * a page per core: ./pool.ts) behind a disk cache keyed by the diagram's source and the
 * renderer's version, so a rebuild renders only changed diagrams and launches no browser when
 * none changed. Results go to the cache batch by batch and are read back from it when a page
 * needs them: memory stays flat however many diagrams a site has.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import { diagramFileName } from '../remark-mermaid.ts';
import {
  createRenderPool,
  DRAWING_MERMAID_VERSION,
  type Drawn,
  type DrawnSvg,
  type PoolOptions,
  type RenderPool,
} from './pool.ts';
import { pageSvg } from './fill.ts';
import { type DiagramArtifact, mergeThemeCss, renameId, rewriteSvg, shortHash, splitStyle } from './svg.ts';

/** Bump when the SVG post-processing changes, so cached artifacts are rebuilt. */
const TRANSFORM_VERSION = 16;
export const RENDERER_VERSION = `mermaid@${DRAWING_MERMAID_VERSION}+t${TRANSFORM_VERSION}`;

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
  /** Diagrams per batch: each batch's results are written to the cache as soon as it is drawn. */
  batchSize?: number;
  /** Render pool settings (pages at once, diagrams per page before it is replaced). */
  pool?: Omit<PoolOptions, 'onLaunch'>;
}

type Light = { id: string; lightSvg: string; body: string; lightNorm: string; value: DrawnSvg };

const SCOPE_MARK = '__SCOPE__';

export function createDiagramRenderer({
  cacheDir,
  onLaunch,
  batchSize = 24,
  pool: poolOptions,
}: RendererOptions) {
  /**
   * Only failures are kept in memory (they are never cached). Artifacts live on disk and are
   * read when a page needs them: 2,900 diagrams are ~120 MB of strings that need not all be
   * held at once.
   */
  const failures = new Map<string, RenderOutcome>();
  /** Full-size file name → cache key of every diagram this process has seen. */
  const seen = new Map<string, string>();
  /** Each distinct light stylesheet's dark counterpart (one dark render per family, run-wide). */
  const darkFamilies = new Map<string, Promise<string | undefined>>();
  /**
   * Cache key → the render that is drawing it now. Two callers at once (the build's up-front
   * pass and a `.md` note that Astro's content sync renders meanwhile) wait for one drawing
   * instead of drawing the same diagram twice.
   */
  const inFlight = new Map<string, Promise<void>>();
  /** Diagrams drawn (light theme) and browser launches by this renderer: a build's real cost. */
  const counts = { drawn: 0, launches: 0 };

  async function readCached(key: string): Promise<RenderOutcome | undefined> {
    const failed = failures.get(key);
    if (failed) return failed;
    try {
      const artifact = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as DiagramArtifact;
      return { ok: true, artifact };
    } catch {
      return undefined;
    }
  }

  const isCached = (key: string): Promise<boolean> =>
    access(join(cacheDir, `${key}.json`)).then(
      () => true,
      () => false,
    );

  /**
   * Write then rename: two builds at once never read a half-written entry. The temporary name
   * is unique per write, not per process: two renders of one diagram in one build (the config
   * is loaded more than once) would otherwise rename each other's file away.
   */
  async function writeEntry(file: string, text: string): Promise<void> {
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, file);
  }

  const writeCached = (key: string, artifact: DiagramArtifact): Promise<void> =>
    writeEntry(join(cacheDir, `${key}.json`), JSON.stringify(artifact));

  function lightParts(source: string, drawn: Drawn): Light | null {
    if (!drawn.ok) return null;
    const id = `m-${shortHash(source)}`;
    const lightSvg = renameId(drawn.value.svg, drawn.value.id, id);
    const { css, body } = splitStyle(lightSvg);
    return { id, lightSvg, body, lightNorm: css.replaceAll(`#${id}`, SCOPE_MARK), value: drawn.value };
  }

  function artifactOf(source: string, d: Light, darkCss: string): DiagramArtifact {
    const { lightSvg, body, lightNorm } = d;
    const scope = `mmd-${shortHash(lightNorm + darkCss, 6)}`;
    const merged = mergeThemeCss(lightNorm, darkCss, scope);
    // Where light and dark differ in structure, keep light colours on a light card.
    const themeCss = (merged ?? `.${scope}{background:#fff}${lightNorm}`).replaceAll(SCOPE_MARK, `.${scope}`);
    const { svg, styleClasses } = rewriteSvg(body, scope);
    const type = /aria-roledescription="([^"]+)"/.exec(body)?.[1] ?? 'diagram';
    return {
      source,
      svg,
      type,
      scope,
      themeCss,
      styleClasses,
      standalone: lightSvg,
      width: d.value.width,
      height: d.value.height,
    };
  }

  /**
   * Draws one batch in the light theme, then (on the same pool) the dark theme of each new
   * stylesheet family, and writes every result to the cache before the next batch's results
   * arrive. Returns only what failed.
   */
  async function renderBatch(pool: RenderPool, sources: string[]): Promise<void> {
    counts.drawn += sources.length;
    const drawn = await pool.draw(sources.map(protectLabels), config('default'));
    const light = sources.map((source, i) => lightParts(source, drawn[i] as Drawn));
    /**
     * The layout is the same in both themes and the dark theme only changes the values of
     * mermaid's stylesheet, which depends on the diagram type and its classDefs — all visible in
     * the light stylesheet. So diagrams with the same light stylesheet share one dark render:
     * one per distinct stylesheet, not one per diagram.
     */
    const fresh = new Map<string, { source: string; d: Light }>();
    for (const [i, d] of light.entries()) {
      if (d && !darkFamilies.has(d.lightNorm) && !fresh.has(d.lightNorm))
        fresh.set(d.lightNorm, { source: sources[i] as string, d });
    }
    if (fresh.size) {
      const reps = [...fresh.values()];
      // Ahead of the light batches still waiting: every batch with these stylesheets waits for
      // this one before it can be finished and written. Queued behind them, it held every drawn
      // SVG of a 500-note build in memory and left all their processing for the end (~9 s).
      const darkDrawn = pool.draw(
        reps.map((r) => protectLabels(r.source)),
        config('dark'),
        { first: true },
      );
      reps.forEach((rep, k) =>
        darkFamilies.set(
          rep.d.lightNorm,
          darkDrawn.then((all) => {
            const dark = all[k];
            if (!dark?.ok) return undefined;
            const css = splitStyle(renameId(dark.value.svg, dark.value.id, rep.d.id)).css;
            return css.replaceAll(`#${rep.d.id}`, SCOPE_MARK);
          }),
        ),
      );
    }
    await Promise.all(
      sources.map(async (source, i) => {
        const key = cacheKey(source);
        const d = light[i];
        const result = drawn[i] as Drawn;
        if (!d) {
          failures.set(key, {
            ok: false,
            message: result.ok ? 'unknown mermaid error' : result.message || 'unknown mermaid error',
          });
          return;
        }
        const darkCss = (await darkFamilies.get(d.lightNorm)) ?? d.lightNorm;
        await writeCached(key, artifactOf(source, d, darkCss));
      }),
    );
  }

  /**
   * Renders every source that is neither cached nor known to fail, in batches spread over the
   * pool's pages. Returns when each is on disk (or recorded as failed).
   */
  async function prepare(sources: string[]): Promise<void> {
    const unique = [...new Set(sources)];
    for (const source of unique) seen.set(diagramFileName(source), cacheKey(source));
    const keys = unique.map(cacheKey);
    const cached = await Promise.all(keys.map((k) => failures.has(k) || inFlight.has(k) || isCached(k)));
    // Decided after the last await, so no other caller can claim the same key in between.
    const others = keys.flatMap((k) => inFlight.get(k) ?? []);
    const missing = unique.filter((_, i) => !cached[i] && !inFlight.has(keys[i] as string));
    if (missing.length) {
      const own = drawMissing(missing);
      const settled = own.catch(() => undefined);
      for (const source of missing) inFlight.set(cacheKey(source), settled);
      try {
        await own;
      } finally {
        for (const source of missing) inFlight.delete(cacheKey(source));
      }
    }
    await Promise.all(others);
  }

  let drawing = 0;
  async function drawMissing(missing: string[]): Promise<void> {
    await mkdir(cacheDir, { recursive: true });
    drawing += 1;
    const pool = createRenderPool({
      ...poolOptions,
      onLaunch: () => {
        counts.launches += 1;
        onLaunch?.(missing.length);
      },
    });
    try {
      const batches: string[][] = [];
      for (let i = 0; i < missing.length; i += batchSize) batches.push(missing.slice(i, i + batchSize));
      await Promise.all(batches.map((batch) => renderBatch(pool, batch)));
    } finally {
      await pool.close();
      // Not while another render reads them: a family missing there would lose its dark theme.
      if (--drawing === 0) darkFamilies.clear();
    }
  }

  /** Renders every source (cached ones from disk); results match the input order. */
  async function renderAll(sources: string[]): Promise<RenderOutcome[]> {
    await prepare(sources);
    return Promise.all(
      sources.map(
        async (source) =>
          (await readCached(cacheKey(source))) ?? { ok: false, message: 'diagram missing from the cache' },
      ),
    );
  }

  /** Only the error message of each source that failed (undefined where it rendered). */
  async function errors(sources: string[]): Promise<(string | undefined)[]> {
    await prepare(sources);
    return sources.map((source) => {
      const failed = failures.get(cacheKey(source));
      return failed && !failed.ok ? failed.message : undefined;
    });
  }

  /** The rendered artifact of a diagram seen by this process, by its file name (`m-<hash>.svg`). */
  async function artifact(fileName: string): Promise<DiagramArtifact | undefined> {
    const key = seen.get(fileName);
    const outcome = key ? await readCached(key) : undefined;
    return outcome?.ok ? outcome.artifact : undefined;
  }

  /**
   * A diagram's markup in a written page (./fill.ts `pageSvg`), by its file name: made once per
   * render and kept beside it in the cache. Parsing and serializing every diagram again on every
   * build cost ~2.7 ms a diagram (profiled at 35 notes; 100-155 ms of a seeds rebuild, now 10 ms).
   */
  async function pageMarkup(fileName: string): Promise<string | undefined> {
    const key = seen.get(fileName);
    const hash = /^m-([0-9a-f]{8})\.svg$/.exec(fileName)?.[1];
    if (!key || !hash) return undefined;
    const file = join(cacheDir, `${key}.page.svg`);
    const kept = await readFile(file, 'utf8').catch(() => undefined);
    if (kept !== undefined) return kept;
    const outcome = await readCached(key);
    const markup = outcome?.ok ? pageSvg(outcome.artifact.svg, hash) : undefined;
    if (markup !== undefined) await writeEntry(file, markup);
    return markup;
  }

  /** The full-size standalone SVG of a diagram seen by this process, by its file name. */
  const standalone = async (fileName: string): Promise<string | undefined> =>
    (await artifact(fileName))?.standalone;

  /** File names of every diagram this process has seen that rendered. */
  const fileNames = (): string[] => [...seen].flatMap(([name, key]) => (failures.has(key) ? [] : [name]));

  /** How many diagrams this renderer drew and how often it launched a browser, so far. */
  const stats = (): { drawn: number; launches: number } => ({ ...counts });

  return { renderAll, errors, artifact, pageMarkup, standalone, fileNames, stats };
}

export type DiagramRenderer = ReturnType<typeof createDiagramRenderer>;
