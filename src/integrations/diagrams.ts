/**
 * Astro integration for build-time diagrams. Order matters:
 * 1. `astro:build:start` renders every diagram of every note in ONE browser session (cached
 *    ones come from disk), so an invalid diagram fails the build up front with file:line;
 * 2. while pages render, the remark plugin only reads those results (it renders on its own
 *    only in dev, for a diagram edited since start);
 * 3. each note with diagrams links its own stylesheet (`_astro/mmd-<hash>.css`: the classes of its
 *    diagrams and the theme blocks the shared sheet lacks), so no page's weight grows with the
 *    site; `virtual:tradeoffs/diagrams.css` (in the site's stylesheet) holds one theme block per
 *    diagram type (see sharedScopes);
 * 4. `astro:build:done` fills each page's SVGs in, writes those stylesheets and each diagram as
 *    a standalone SVG for "Open full size".
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { diagramErrorLine, findMermaidFences } from '../markdown/mermaid/fences.ts';
import { fillPlaceholders, hasPlaceholders } from '../markdown/mermaid/fill.ts';
import { createDiagramRenderer } from '../markdown/mermaid/renderer.ts';
import {
  type PageStylesheet,
  pageStylesheet,
  sharedScopes,
  STYLESHEET_DIR,
  themeCss,
} from '../markdown/mermaid/stylesheet.ts';
import type { DiagramArtifact } from '../markdown/mermaid/svg.ts';
import { type RemarkMermaidOptions, remarkMermaid } from '../markdown/remark-mermaid.ts';
import { diagramCacheDir } from '../lib/paths.ts';
import { readNoteFiles } from './content-files.ts';

const VIRTUAL_ID = 'virtual:tradeoffs/diagrams.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export class DiagramError extends Error {
  override name = 'DiagramError';
}

export function createDiagrams(root = process.cwd()) {
  let launches = 0;
  const renderer = createDiagramRenderer({
    cacheDir: diagramCacheDir(root),
    onLaunch: (count) => {
      launches += 1;
      console.log(`[diagrams] rendering ${count} diagram(s) with mermaid in headless Chromium`);
    },
  });

  /** Every page stylesheet of this build, by file name. */
  const sheets = new Map<string, string>();
  const keep = (sheet: PageStylesheet | null) => {
    if (sheet) sheets.set(sheet.name, sheet.css);
  };
  const remarkOptions: RemarkMermaidOptions = { renderer, onStylesheet: keep };
  /** Every theme block of the site's diagrams, by scope: the notes' shared stylesheet (build only). */
  const themes = new Map<string, DiagramArtifact>();
  let prerendered: Promise<void> | undefined;

  /** Renders all diagrams of all notes; throws one error listing every invalid diagram. */
  async function prerender(): Promise<void> {
    const files = await readNoteFiles(root);
    const fences = files.flatMap((file) =>
      findMermaidFences(Buffer.from(file.bytes).toString('utf8')).map((fence) => ({
        ...fence,
        file: file.path,
      })),
    );
    const started = performance.now();
    const failed = await renderer.errors(fences.map((f) => f.source));
    const errors = fences.flatMap((fence, i) => {
      const message = failed[i];
      return message
        ? [`  ${fence.file}:${diagramErrorLine(fence.line, message)}: ${message.split('\n').join('\n    ')}`]
        : [];
    });
    if (errors.length) throw new DiagramError(`Invalid mermaid diagram(s):\n${errors.join('\n')}`);
    // The same sheets the remark plugin links (same artifacts, same order-free hash), made here
    // too: Astro may serve a note from its cache without running the plugin. One note at a time,
    // read back from the render cache, so the site's diagrams are never all in memory.
    const byFile = new Map<string, string[]>();
    for (const fence of fences) byFile.set(fence.file, [...(byFile.get(fence.file) ?? []), fence.source]);
    // Each note's diagrams as its stylesheet needs them (the SVG cut to its viewBox, for the
    // reserved height; the theme CSS held once per scope, in `themes`): which theme blocks are
    // shared is known only once every note is read.
    const notes: DiagramArtifact[][] = [];
    for (const sources of byFile.values()) {
      const artifacts = (await renderer.renderAll(sources)).flatMap((o) => (o.ok ? [o.artifact] : []));
      for (const artifact of artifacts)
        if (!themes.has(artifact.scope)) themes.set(artifact.scope, { ...artifact, svg: '', standalone: '' });
      notes.push(
        artifacts.map((a) => ({
          ...a,
          svg: /<svg[^>]*>/.exec(a.svg)?.[0] ?? '',
          standalone: '',
          themeCss: '',
        })),
      );
    }
    if (building) remarkOptions.sharedScopes = sharedScopes(notes);
    for (const note of notes)
      keep(
        pageStylesheet(
          note.map((a) => ({ ...a, themeCss: themes.get(a.scope)?.themeCss ?? '' })),
          { shared: remarkOptions.sharedScopes },
        ),
      );
    console.log(
      `[diagrams] ${fences.length} diagram(s) ready in ${Math.round(performance.now() - started)} ms (${launches ? 'rendered' : 'all from cache, no browser'})`,
    );
  }
  /**
   * A build starts drawing when Astro loads the config, not at `astro:build:start`: the
   * browser's launch and the first batches overlap Astro's own start-up (content sync, types).
   */
  let early: Promise<void> | undefined;
  /**
   * A build knows every diagram before pages render: their theme blocks go once into the notes'
   * shared stylesheet (the virtual module, bundled by Vite into a hashed file). Dev keeps them
   * in each page's sheet: an edit can bring a diagram of a new type at any time.
   */
  let building = false;
  // A `.md` note is rendered by Astro's content sync, before `astro:build:start`: it waits for
  // the up-front pass rather than drawing its diagrams a second time in a browser of its own.
  remarkOptions.ready = () => early?.catch(() => undefined);

  const integration: AstroIntegration = {
    name: 'tradeoffs:diagrams',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        remarkOptions.base = config.base;
        // TRADEOFFS_INLINE_DIAGRAMS=1: SVGs compiled into the notes as in dev (tests compare the two).
        remarkOptions.placeholders = command === 'build' && process.env.TRADEOFFS_INLINE_DIAGRAMS !== '1';
        building = command === 'build';
        if (command === 'build' && !early) {
          early = prerender();
          prerendered = early;
          // Reported by astro:build:start, not as an unhandled rejection meanwhile.
          early.catch(() => undefined);
        }
        const sheetPath = `${config.base.replace(/\/?$/, '/')}${STYLESHEET_DIR}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'tradeoffs:diagram-css',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: async (id: string) => {
                  if (id !== RESOLVED_ID) return undefined;
                  if (!building) return '/* diagram styles: in each page’s sheet (dev) */';
                  await prerendered?.catch(() => undefined);
                  const shared = [...themes.values()].filter((t) => remarkOptions.sharedScopes?.has(t.scope));
                  return shared.length ? themeCss(shared) : '/* no diagrams */';
                },
                configureServer(server) {
                  // Dev only: serve what the build writes to dist/: page stylesheets, full-size files.
                  server.middlewares.use((req, res, next) => {
                    const url = req.url ?? '';
                    const sheet = url.startsWith(sheetPath) && sheets.get(url.slice(sheetPath.length));
                    if (sheet) {
                      res.setHeader('content-type', 'text/css');
                      return res.end(sheet);
                    }
                    const name = /^\/diagrams\/(m-[0-9a-f]+\.svg)$/.exec(req.url ?? '')?.[1];
                    if (!name) return next();
                    void renderer.standalone(name).then((svg) => {
                      if (svg === undefined) return next();
                      res.setHeader('content-type', 'image/svg+xml');
                      res.end(svg);
                    }, next);
                  });
                },
              },
            ],
          },
        });
      },
      // In dev a broken diagram must not stop the server: the page that holds it shows the
      // same file:line error in the browser overlay (the remark plugin throws it).
      'astro:server:setup': async ({ logger }) =>
        prerender().catch((error: Error) => logger.error(error.message)),
      'astro:build:start': async () => {
        const pending = early ?? prerender();
        early = undefined;
        await pending;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { drawn, launches } = renderer.stats();
        logger.info(`drew ${drawn} diagram(s) in this build, ${launches} browser launch(es)`);
        const dist = fileURLToPath(dir);
        await mkdir(join(dist, STYLESHEET_DIR), { recursive: true });
        await Promise.all([...sheets].map(([name, css]) => writeFile(join(dist, STYLESHEET_DIR, name), css)));
        // First: every later step (Pagefind, the service worker's hashes) reads the finished pages.
        const filling = performance.now();
        const filled = await finishPages(
          dist,
          (hash) => renderer.pageMarkup(`m-${hash}.svg`),
          new Set(sheets.keys()),
        );
        logger.info(
          `filled ${filled.diagrams} diagram(s) into ${filled.pages} page(s) in ${Math.round(performance.now() - filling)} ms`,
        );
        const out = new URL('diagrams/', dir);
        await mkdir(out, { recursive: true });
        // A few at a time, read back from the render cache: never every diagram in memory.
        const names = renderer.fileNames();
        for (let i = 0; i < names.length; i += 32) {
          await Promise.all(
            names.slice(i, i + 32).map(async (name) => {
              const svg = await renderer.standalone(name);
              if (svg !== undefined) await writeFile(new URL(name, out), svg);
            }),
          );
        }
      },
    },
  };

  const remarkPlugin: [typeof remarkMermaid, RemarkMermaidOptions] = [remarkMermaid, remarkOptions];
  return { integration, remarkPlugin, renderer };
}

/**
 * One pass over the written pages: puts every diagram's SVG where its placeholder is
 * (../markdown/mermaid/fill.ts), and checks that every diagram stylesheet a page links was
 * written (a page linking one the build did not write would show unstyled diagrams). A few
 * pages at a time: never every page or every diagram in memory at once.
 */
async function finishPages(
  dist: string,
  markupOf: (hash: string) => Promise<string | undefined>,
  writtenSheets: ReadonlySet<string>,
): Promise<{ pages: number; diagrams: number }> {
  const pages = (await readdir(dist, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
  const missing: string[] = [];
  const unwritten = new Set<string>();
  const done = { pages: 0, diagrams: 0 };
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++] as string;
      const html = await readFile(page, 'utf8');
      for (const match of html.matchAll(/\/(mmd-[0-9a-f]{12}\.css)"/g))
        if (!writtenSheets.has(match[1] as string)) unwritten.add(`${page}: ${match[1]}`);
      if (!hasPlaceholders(html)) continue;
      const filled = await fillPlaceholders(html, markupOf);
      missing.push(...filled.missing.map((hash) => `${page}: diagram-${hash}`));
      await writeFile(page, filled.html);
      done.pages += 1;
      done.diagrams += filled.filled;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (missing.length)
    throw new DiagramError(
      `Diagram(s) not in the render cache, left out of the page:\n  ${missing.join('\n  ')}`,
    );
  if (unwritten.size)
    throw new DiagramError(`Diagram stylesheet(s) linked but not written:\n  ${[...unwritten].join('\n  ')}`);
  return done;
}
