// @ts-check
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { derivedCache } from './src/integrations/derived-cache.ts';
import { cspTrim } from './src/integrations/csp-trim.ts';
import { createDiagrams } from './src/integrations/diagrams.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { createObsidian } from './src/integrations/obsidian.ts';
import { siteAddress } from './src/integrations/site.ts';
import { THEME_INIT_HASH } from './src/lib/theme-init.ts';
import remarkMath from 'remark-math';
import { rehypeBase } from './src/markdown/rehype-base.ts';
import { rehypeCallouts } from './src/markdown/rehype-callouts.ts';
import { rehypeFigures } from './src/markdown/rehype-figures.ts';
import { rehypeMath } from './src/markdown/rehype-math.ts';
import { rehypeTaskLists } from './src/markdown/rehype-task-lists.ts';
import { remarkBlockIds } from './src/markdown/remark-block-ids.ts';
import { remarkComments } from './src/markdown/remark-comments.ts';
import { remarkHighlight } from './src/markdown/remark-highlight.ts';
import { remarkNoteSafety } from './src/markdown/note-safety.ts';
import { remarkMathGuard } from './src/markdown/remark-math-guard.ts';
import { remarkTags } from './src/markdown/remark-tags.ts';
import { remarkWikiLinks } from './src/markdown/remark-wikilinks.ts';
import { remarkAsciiFigures } from './src/markdown/remark-ascii-figures.ts';

const diagrams = createDiagrams();
const obsidian = createObsidian();

// Astro caches rendered notes and clears that cache only when the config changes. Passing a
// digest of our Markdown plugins' source as a plugin option makes an edit to them count as one.
const markdownDigest = createHash('sha256')
  .update(
    readdirSync('src/markdown', { recursive: true })
      .filter((f) => String(f).endsWith('.ts'))
      .sort()
      .map((f) => readFileSync(`src/markdown/${f}`, 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 12);

export default defineConfig({
  // Where the site is served: SITE_URL (e.g. https://user.github.io) and BASE_PATH (e.g. /repo/),
  // or `astro build --site … --base …`. No site URL: no sitemap, no canonical links, nothing made up.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  ...(process.env.BASE_PATH ? { base: process.env.BASE_PATH } : {}),
  // Builds over other notes (tests, bench) keep Astro's content store apart: two builds sharing
  // one store at the same time read each other's notes.
  ...(process.env.TRADEOFFS_CACHE_DIR ? { cacheDir: process.env.TRADEOFFS_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // A rebuild copies a page from the last build when its code and the content it reads are
  // unchanged (each route's `cacheKey`: src/lib/page-cache.ts), instead of rendering it again.
  experimental: { incrementalBuild: true },
  // The site's stylesheet is one hashed file shared by every page (cached once, precached once):
  // inlined, it was 4 KiB gzip in each of 1,000+ pages of a 500-note site's offline download.
  // Only stylesheets under 4 KiB are inlined (hashed into the CSP by Astro).
  build: { format: 'directory', inlineStylesheets: 'auto' },
  // Never fetch anything at build or run time: no remote fonts, no telemetry-dependent features.
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's own marker in every compiled MDX note (withastro/astro#18087: harmless, open):
        // five notes printed five boxed warnings per build, hiding the ones an author must read.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  markdown: {
    // Prism emits classes; Shiki emits inline `style` attributes that a strict CSP blocks.
    syntaxHighlight: { type: 'prism', excludeLangs: ['mermaid'] },
    processor: unified({
      // remarkNoteSafety right after comments are cut: it must see only what the author wrote
      // (no site output), so it runs before every plugin that generates markup.
      remarkPlugins: [
        remarkComments,
        remarkNoteSafety,
        remarkMath,
        remarkMathGuard,
        [remarkWikiLinks, obsidian.wikiLinks],
        remarkHighlight,
        remarkTags,
        remarkBlockIds,
        diagrams.remarkPlugin,
        remarkAsciiFigures,
      ],
      // Math after figures: heading ids come from a formula's source, not from KaTeX's output.
      rehypePlugins: [
        [rehypeFigures, { markdownDigest }],
        rehypeCallouts,
        rehypeTaskLists,
        [rehypeMath, { styles: obsidian.math }],
        // Last: every root-relative link and image, wikilinks' included, under the base path.
        rehypeBase,
      ],
      smartypants: false,
    }),
  },
  integrations: [
    // Ordering: diagrams first, only to start drawing while the gate reads the notes (its
    // astro:config:setup returns at once; every diagram is ready before pages, at
    // astro:build:start), then the gate (bad content stops everything), then MDX (which compiles
    // notes using the remark plugin above). After the pages are written (astro:build:done, run
    // in this order): Pagefind indexes them, then the service worker precaches everything, the
    // search index included — so it must stay last.
    // The store of derived data comes before the gate, which is its first reader.
    diagrams.integration,
    derivedCache(),
    contentGate(),
    siteAddress(),
    obsidian.integration,
    // Static note content compiles to HTML strings, not a JSX call per element: a note's inline
    // SVGs are thousands of elements, and compiling them was most of every build.
    mdx({ optimize: true }),
    // Before the service worker lists the pages: each page's CSP with its own hashes only.
    cspTrim(),
    pagefindIndex(),
    serviceWorker(),
  ],
  security: {
    csp: {
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; nothing else.
      scriptDirective: { hashes: [THEME_INIT_HASH], resources: ["'self'", "'wasm-unsafe-eval'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
