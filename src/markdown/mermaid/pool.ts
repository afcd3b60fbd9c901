/**
 * A pool of headless Chromium pages that draw mermaid diagrams, one page per core, for
 * thousands of diagrams at bounded memory:
 * - one browser for the whole run, launched on the first batch only (never when every
 *   diagram is cached), closed by `close()`;
 * - mermaid is loaded once per page, and the page is replaced after `recycleAfter` diagrams:
 *   a page's renderer process grows by most of a MiB per diagram drawn (measured: 463 → 911
 *   MiB over 294 diagrams), so one page per 1,450 diagrams at 500 notes cost gigabytes; with
 *   garbage collected after each batch and a page per 60 diagrams, the two pages' processes
 *   peaked at 580 MiB over 300 diagrams (800 MiB with a page per 120 and no collection);
 * - callers send small batches, so each result can go to disk as soon as it is drawn.
 * The page set-up is mermaid-isomorphic's (its blank page, KaTeX and Font Awesome styles), so
 * labels measure the same.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { MermaidConfig } from 'mermaid';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../lib/chromium.ts';

/**
 * Everything the page loads is resolved from mermaid-isomorphic's own place, as it does: it
 * carries its own mermaid (and KaTeX), which is the one that draws the site's diagrams.
 */
const isomorphic = createRequire(createRequire(import.meta.url).resolve('mermaid-isomorphic'));
const fileUrl = (specifier: string) => pathToFileURL(isomorphic.resolve(specifier)).href;
/** The version of the mermaid that draws (part of the render cache's key). */
export const DRAWING_MERMAID_VERSION: string = isomorphic('mermaid/package.json').version;
/** mermaid-isomorphic's blank page (not in its package exports: found next to its entry). */
const blankPage = () => new URL('../index.html', fileUrl('mermaid-isomorphic')).href;

/**
 * Memory of a build that draws thousands of diagrams (measured over 300, two pages, the whole
 * process tree): the pages may collect their garbage between batches (`gc()`, then 640 MiB of
 * renderer processes instead of 800), and the GPU process's work (none: nothing is painted)
 * runs inside the browser's, which saves a process of ~85 MiB.
 */
const DRAWING_ARGS = ['--js-flags=--expose-gc', '--in-process-gpu'];

export interface DrawnSvg {
  id: string;
  svg: string;
  width: number;
  height: number;
}
export type Drawn = { ok: true; value: DrawnSvg } | { ok: false; message: string };

export interface PoolOptions {
  /** Pages drawing at once (default: the machine's cores, at most 4). */
  pages?: number;
  /** Diagrams a page draws before it is replaced by a fresh one. */
  recycleAfter?: number;
  /** Called when the browser starts. */
  onLaunch?: () => void;
}

interface Slot {
  page: Promise<Page> | undefined;
  drawn: number;
}

/** Runs in the page: draws each diagram in turn (mermaid renders one at a time anyway). */
async function drawInPage({
  sources,
  config,
  prefix,
}: {
  sources: string[];
  config: MermaidConfig;
  prefix: string;
}): Promise<Drawn[]> {
  const mermaid = (globalThis as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
  await Promise.all(Array.from(document.fonts, (font) => font.load()));
  let container = document.querySelector<HTMLDivElement>('#mmd-container');
  if (!container) {
    container = document.createElement('div');
    container.id = 'mmd-container';
    container.ariaHidden = 'true';
    Object.assign(container.style, { maxHeight: '0', opacity: '0', overflow: 'hidden' });
    document.body.append(container);
  }
  mermaid.initialize(config);
  const parser = new DOMParser();
  const out: Drawn[] = [];
  for (const [index, source] of sources.entries()) {
    const id = `${prefix}-${index}`;
    try {
      const { svg } = await mermaid.render(id, source, container);
      const element = parser.parseFromString(svg, 'text/html').getElementsByTagName('svg')[0];
      const box = element?.viewBox.baseVal;
      out.push({
        ok: true,
        value: {
          id,
          svg: element ? new XMLSerializer().serializeToString(element) : svg,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
        },
      });
    } catch (error) {
      out.push({ ok: false, message: String((error as Error)?.message ?? error) });
    } finally {
      // Mermaid leaves its scratch element behind when a diagram fails to parse.
      document.getElementById(`d${id}`)?.remove();
    }
  }
  // Each batch's garbage collected before the next (the page's process grew ~1.3 MiB a diagram).
  (globalThis as unknown as { gc?: () => void }).gc?.();
  return out;
}

export function createRenderPool({
  pages = Math.max(1, Math.min(4, availableParallelism())),
  recycleAfter = 60,
  onLaunch,
}: PoolOptions = {}) {
  let browser: Promise<BrowserContext> | undefined;
  const slots: Slot[] = Array.from({ length: pages }, () => ({ page: undefined, drawn: 0 }));
  const free: Slot[] = [...slots];
  const waiting: ((slot: Slot) => void)[] = [];

  /**
   * One context for every page: a context's first page brings two extra renderer processes
   * (measured), a further page only its own.
   */
  const launch = (): Promise<BrowserContext> =>
    (browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      onLaunch?.();
      const started = await chromium.launch({
        executablePath: findChromium(),
        args: [...CHROMIUM_ARGS, ...DRAWING_ARGS],
      });
      return started.newContext({ bypassCSP: true });
    })());

  async function openPage(): Promise<Page> {
    const page = await (await launch()).newPage();
    await page.goto(blankPage());
    await Promise.all([
      page.addStyleTag({ url: fileUrl('@fortawesome/fontawesome-free/css/all.css') }),
      page.addStyleTag({ url: fileUrl('katex/dist/katex.css') }),
      page.addScriptTag({ url: fileUrl('mermaid/dist/mermaid.min.js') }),
    ]);
    return page;
  }

  const take = (first: boolean): Promise<Slot> => {
    const slot = free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => (first ? waiting.unshift(resolve) : waiting.push(resolve)));
  };
  const give = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  /**
   * Draws one batch on the next free page; results match the input order. `first`: ahead of
   * every batch still waiting for a page (what other batches' results wait for).
   */
  async function draw(
    sources: string[],
    config: MermaidConfig,
    { prefix = 'mmdbatch', first = false }: { prefix?: string; first?: boolean } = {},
  ): Promise<Drawn[]> {
    if (!sources.length) return [];
    const slot = await take(first);
    try {
      if (slot.page && slot.drawn >= recycleAfter) {
        const old = await slot.page;
        slot.page = undefined;
        await old.close();
      }
      if (!slot.page) {
        slot.page = openPage();
        slot.drawn = 0;
      }
      const page = await slot.page;
      slot.drawn += sources.length;
      return await page.evaluate(drawInPage, { sources, config, prefix });
    } catch (error) {
      // A crashed page is replaced on the next batch; this batch reports the crash.
      slot.page = undefined;
      const message = `Chromium failed while drawing: ${(error as Error).message}`;
      return sources.map(() => ({ ok: false as const, message }));
    } finally {
      give(slot);
    }
  }

  async function close(): Promise<void> {
    const current = browser;
    browser = undefined;
    for (const slot of slots) slot.page = undefined;
    if (current) await (await current).browser()?.close();
  }

  return { draw, close, pages };
}

export type RenderPool = ReturnType<typeof createRenderPool>;
