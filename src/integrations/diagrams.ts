/**
 * Astro integration for build-time diagrams. Order matters:
 * 1. `astro:build:start` renders every diagram of every note in ONE browser session (cached
 *    ones come from disk), so an invalid diagram fails the build up front with file:line;
 * 2. while pages render, the remark plugin only reads those results (it renders on its own
 *    only in dev, for a diagram edited since start);
 * 3. `virtual:tradeoffs/diagrams.css` is the shared diagram stylesheet, built from all results;
 * 4. `astro:build:done` writes each diagram as a standalone SVG for "Open full size".
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { diagramErrorLine, findMermaidFences } from '../markdown/mermaid/fences.ts';
import { createDiagramRenderer } from '../markdown/mermaid/renderer.ts';
import { buildDiagramCss } from '../markdown/mermaid/stylesheet.ts';
import { diagramFileName, type RemarkMermaidOptions, remarkMermaid } from '../markdown/remark-mermaid.ts';
import { diagramCacheDir } from '../lib/paths.ts';
import { readNoteFiles } from './load-notes.ts';

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
    const outcomes = await renderer.renderAll(fences.map((f) => f.source));
    const errors = fences.flatMap((fence, i) => {
      const outcome = outcomes[i];
      return outcome && !outcome.ok
        ? [
            `  ${fence.file}:${diagramErrorLine(fence.line, outcome.message)}: ${outcome.message.split('\n').join('\n    ')}`,
          ]
        : [];
    });
    if (errors.length) throw new DiagramError(`Invalid mermaid diagram(s):\n${errors.join('\n')}`);
    console.log(
      `[diagrams] ${fences.length} diagram(s) ready in ${Math.round(performance.now() - started)} ms (${launches ? 'rendered' : 'all from cache, no browser'})`,
    );
  }

  const integration: AstroIntegration = {
    name: 'tradeoffs:diagrams',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'tradeoffs:diagram-css',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) =>
                  id === RESOLVED_ID ? buildDiagramCss(renderer.artifacts()) : undefined,
                configureServer(server) {
                  // Dev only: serve the full-size files the build writes to dist/diagrams/.
                  server.middlewares.use((req, res, next) => {
                    const name = /^\/diagrams\/(m-[0-9a-f]+\.svg)$/.exec(req.url ?? '')?.[1];
                    const artifact =
                      name && renderer.artifacts().find((a) => diagramFileName(a.source) === name);
                    if (!artifact) return next();
                    res.setHeader('content-type', 'image/svg+xml');
                    res.end(artifact.standalone);
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
      'astro:build:start': async () => prerender(),
      'astro:build:done': async ({ dir }) => {
        const out = new URL('diagrams/', dir);
        await mkdir(out, { recursive: true });
        await Promise.all(
          renderer.artifacts().map((a) => writeFile(new URL(diagramFileName(a.source), out), a.standalone)),
        );
      },
    },
  };

  const remarkPlugin: [typeof remarkMermaid, RemarkMermaidOptions] = [remarkMermaid, { renderer }];
  return { integration, remarkPlugin, renderer };
}
