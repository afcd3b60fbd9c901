/**
 * Obsidian-flavoured notes, shared between an integration and the Markdown plugins (as the
 * diagrams are):
 * - the link index (every note and attachment under the notes folder) is read once per build,
 *   when the config loads, and its digest goes into the plugin options: Astro re-renders cached
 *   notes only when the config changes, and a renamed heading elsewhere must re-check links;
 * - `%%comments%%` are cut from each note before MDX reads it (a comment may hold anything,
 *   even text MDX cannot parse), keeping line numbers;
 * - pages with math get KaTeX's stylesheet and fonts, served from the site.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { indexNote, type LinkIndex } from '../domain/notes/link-index.ts';
import { derivedStore, memoKey } from '../domain/content/memo.ts';
import { stripComments } from '../domain/notes/obsidian.ts';
import { notesDir as defaultNotesDir } from '../lib/paths.ts';
import { createMathStyles, KATEX_DIR, type MathStyles } from '../markdown/rehype-math.ts';
import type { RemarkWikiLinksOptions } from '../markdown/remark-wikilinks.ts';

const NOTE = /\.mdx?$/i;

/** Every file under the notes folder, `/`-separated, dot-folders (`.obsidian`, `.git`) skipped. */
function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return entries
    .map((p) => p.split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}

export function readLinkIndex(dir: string): LinkIndex {
  const files = listFiles(dir);
  const notes = files
    .filter((f) => NOTE.test(f))
    .flatMap((f) => {
      const note = indexNote(f, readFileSync(join(dir, f), 'utf8'));
      return note ? [note] : [];
    });
  const attachments = files.filter((f) => !NOTE.test(f) && /\.[a-z0-9]+$/i.test(f));
  return { notes, attachments };
}

export function createObsidian(root = process.cwd()) {
  const dir = defaultNotesDir(root);
  // Read when the build starts (astro:config:setup), not when the config is loaded: by then the
  // build's store of derived data is open (src/integrations/derived-cache.ts), so unchanged notes
  // are not parsed again.
  let index: LinkIndex | undefined;
  const current = (): LinkIndex => (index ??= readLinkIndex(dir));
  const math: MathStyles = createMathStyles();

  const integration: AstroIntegration = {
    name: 'tradeoffs:obsidian',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        wikiLinks.digest = createHash('sha256').update(JSON.stringify(current())).digest('hex').slice(0, 12);
        updateConfig({
          vite: {
            plugins: [
              mdxCache(math, () => wikiLinks.digest),
              {
                name: 'tradeoffs:obsidian-comments',
                // Before @astrojs/mdx (also 'pre', registered after this integration).
                enforce: 'pre',
                transform(code: string, id: string) {
                  const path = id.split('?')[0] ?? id;
                  if (!NOTE.test(path) || relative(dir, path).startsWith('..')) return undefined;
                  // In dev a note may have been edited since the index was read.
                  if (command === 'dev') index = readLinkIndex(dir);
                  return code.includes('%%') ? { code: stripComments(code), map: null } : undefined;
                },
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    const name = /^\/katex\/(.+)$/.exec(req.url ?? '')?.[1];
                    if (!name) return next();
                    const file = katexFile(name, math);
                    if (!file) return next();
                    res.setHeader('content-type', name.endsWith('.css') ? 'text/css' : 'font/woff2');
                    res.end(file);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir: out }) => {
        if (!math.used()) return;
        const target = new URL(`${KATEX_DIR}/`, out);
        await mkdir(new URL('fonts/', target), { recursive: true });
        await writeFile(new URL('katex.css', target), katexCss(math));
        const fonts = join(katexDist(), 'fonts');
        await Promise.all(
          readdirSync(fonts)
            .filter((f) => f.endsWith('.woff2'))
            .map((f) => copyFile(join(fonts, f), new URL(`fonts/${f}`, target))),
        );
      },
    },
  };

  const wikiLinks: RemarkWikiLinksOptions & { digest: string } = {
    index: current,
    notesDir: dir,
    digest: '',
  };
  return { integration, wikiLinks, math, index: current };
}

type MdxTransform = (code: string, id: string) => Promise<{ code: string } | undefined>;
const MATH_CLASS = /\bks-[0-9a-f]{8}\b/g;

/**
 * `astro build` compiles every `.mdx` note through Vite each time (Astro keeps rendered `.md`
 * notes in its content store, not `.mdx` modules). With the build's store of derived data open
 * (src/domain/content/memo.ts), the MDX plugin's output is kept per note text, under the link
 * index's digest (a note's wikilinks show other notes' titles and headings); the source code and
 * settings are the store's own key. What the Markdown plugins register as they compile is
 * replayed from the output: each note's diagram stylesheet is made by the diagrams integration
 * anyway, and the KaTeX classes a note uses are registered again with their styles.
 */
function mdxCache(math: MathStyles, digest: () => string) {
  return {
    name: 'tradeoffs:mdx-cache',
    configResolved(resolved: { plugins: readonly { name: string; transform?: unknown }[] }) {
      const plugin = resolved.plugins.find((p) => p.name === '@mdx-js/rolldown');
      const transform = plugin?.transform as { handler?: MdxTransform } | undefined;
      const compile = transform?.handler;
      if (!transform || !compile) return;
      transform.handler = async function (this: unknown, code, id) {
        if (!derivedStore()) return compile.call(this, code, id);
        const key = memoKey(id, code, digest());
        const hit = derivedStore()?.get('mdx-module', key)?.value as
          { result: { code: string }; styles: string[] } | undefined;
        if (hit) {
          for (const style of hit.styles) math.classFor(style);
          return hit.result;
        }
        const result = await compile.call(this, code, id);
        if (!result) return result;
        const styles = [...new Set(result.code.match(MATH_CLASS) ?? [])].flatMap((name) => {
          const style = math.styleOf(name);
          return style ? [style] : [];
        });
        derivedStore()?.set('mdx-module', key, { result, styles });
        return result;
      };
    },
  };
}

const katexDist = (): string => dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));

/**
 * KaTeX's stylesheet (woff2 only: every browser that runs the site reads it) followed by the
 * classes that stand for the `style` attributes KaTeX writes, which a strict CSP would block.
 */
function katexCss(math: MathStyles): string {
  const css = readFileSync(join(katexDist(), 'katex.min.css'), 'utf8').replace(
    /src:url\((fonts\/[^)]+\.woff2)\) format\("woff2"\)(,url\([^)]+\) format\("[^"]+"\))*/g,
    'src:url($1) format("woff2")',
  );
  return `${css}\n${math.css()}\n`;
}

function katexFile(name: string, math: MathStyles): string | Buffer | undefined {
  if (name === 'katex.css') return katexCss(math);
  const font = /^fonts\/(KaTeX_[\w-]+\.woff2)$/.exec(name)?.[1];
  return font ? readFileSync(join(katexDist(), 'fonts', font)) : undefined;
}
