/**
 * `npm run bench`: build time (cold, warm with nothing changed, one note changed) beside a
 * Starlight build of the same notes in the same run (ratios), weight of the diagram-heaviest
 * note page, the service worker's precache size, search latency and bytes, and scaling over
 * generated corpora (distinct text, tables and diagrams: bench/corpus.ts): diagram-cold and warm
 * builds, peak memory, bytes of a note without diagrams, the first visit's offline download,
 * the Pagefind step; and the same generator's Obsidian-style vault.
 * Writes bench/results/latest.json and prints a table.
 * Env: BENCH_QUICK=1 (1 run, 35 notes), BENCH_RUNS=n (runs of each build, default 3),
 * BENCH_SCALES=35,100,500 (notes in all, the five real ones among them), BENCH_VAULT=100,500,
 * BENCH_STARLIGHT=0 (skip the reference), BENCH_STARLIGHT_SCALES=35, BENCH_PAGEFIND=1 (index
 * the largest scale's pages once and twice over), BENCH_STRICT=1 (exit 1 when a budget fails),
 * BENCH_KEEP=1 (keep the built sites).
 * Medians, because these machines are noisy; all samples are in the JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/lib/chromium.ts';
import { otherNotesEnv } from '../src/lib/paths.ts';
import { writeSearchIndex } from '../src/integrations/pagefind.ts';
import { makeCorpus } from './corpus.ts';
import { clearStarlight, ensureStarlight, loadStarlightNotes } from './starlight.ts';

const quick = process.env.BENCH_QUICK === '1';
const runs = Number(process.env.BENCH_RUNS ?? (quick ? '1' : '3'));
const list = (value: string) => value.split(',').filter(Boolean).map(Number);
const scales = list(process.env.BENCH_SCALES ?? (quick ? '35' : '35,100'));
const vaultScales = list(process.env.BENCH_VAULT ?? (quick ? '' : '100'));
const withStarlight = process.env.BENCH_STARLIGHT !== '0';
const seedsOn = process.env.BENCH_SEEDS !== '0';
const starlightScales = list(process.env.BENCH_STARLIGHT_SCALES ?? '35');
/** The real note without diagrams: its weight must not change with the size of the site. */
const PLAIN_NOTE = 'serverless-architecture';
const KiB = 1024;
const BUDGET = { totalGzip: 55 * KiB, jsGzip: 8 * KiB, requests: 8 };
/** Pages with their own tools (beyond quizzes and flashcards), measured against the same script budget. */
const TOOL_PAGES = ['/compare/stateful-vs-stateless/', '/decide/', '/cost/', '/progress/'];

/** Interactive pages (quizzes, flashcards and the tools above): at most 25 KiB of gzipped JavaScript each. */
const APP_JS_BUDGET = 25 * KiB;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * A cold build: Astro's content store and caches (the build's own cacheDir too, where the store
 * of derived data lives), the bundled service worker and, with `diagrams`, the rendered diagrams.
 */
function clearCaches(diagrams: boolean, env: Record<string, string> = {}): void {
  rmSync('.astro/data-store.json', { force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  if (env.TRADEOFFS_CACHE_DIR) rmSync(env.TRADEOFFS_CACHE_DIR, { recursive: true, force: true });
  rmSync('node_modules/.cache/tradeoffs/service-worker', { recursive: true, force: true });
  if (diagrams) rmSync('node_modules/.cache/tradeoffs/diagrams', { recursive: true, force: true });
}

/**
 * RSS of a process and all its descendants (Chromium included), from /proc. The children of
 * every thread: Chromium starts its network service from another thread than its main one
 * (~100 MiB that reading the main thread's children alone left out).
 */
function treeRss(pid: number): number {
  const threadChildren = (p: number, task: string): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${task}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const children = (p: number): number[] => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((task) => threadChildren(p, task));
    } catch {
      return [];
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      /* exited */
    }
    stack.push(...children(p));
  }
  return total;
}

/**
 * CPU seconds (user + system) of every process a command ran and waited for, Chromium's
 * included, from the shell's `times` (its second line: its children's totals). Far less moved by
 * other work on the machine than wall time: what a build costs, where wall time says how long.
 */
const cpuSeconds = (times: string): number => {
  const line = times.trim().split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
};

/** Runs `astro build` and returns seconds (wall and CPU) and peak RSS of the process tree. */
function build(
  outDir: string,
  env: Record<string, string> = {},
  cwd = process.cwd(),
): Promise<{ seconds: number; cpuSeconds: number; peakRssMiB: number; log: string }> {
  return new Promise((resolveBuild, reject) => {
    const started = performance.now();
    // The running Node (24 via npm), not whatever `node` is first on PATH.
    // Ours as `npm run build` runs it (scripts/astro.ts: the bundler's allocator settings), the
    // reference as plain Astro.
    const cli = cwd === process.cwd() ? 'scripts/astro.ts' : 'node_modules/astro/bin/astro.mjs';
    // Through a shell, for its `times` on file descriptor 3.
    const child = spawn(
      'sh',
      [
        '-c',
        '"$@"; code=$?; times >&3; exit $code',
        'sh',
        process.execPath,
        cli,
        'build',
        '--outDir',
        outDir,
      ],
      {
        cwd,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    );
    let log = '';
    let times = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (times += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid as number))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`build failed:\n${log.slice(-2000)}`));
      else
        resolveBuild({
          seconds: (performance.now() - started) / 1000,
          cpuSeconds: cpuSeconds(times),
          peakRssMiB: round(peak / 2 ** 20, 0),
          log,
        });
    });
  });
}

function heaviestNoteSlug(dir: string): string {
  const notes = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  const score = (f: string) => (readFileSync(join(dir, f), 'utf8').match(/^```mermaid/gm) ?? []).length;
  const file = notes.sort((a, b) => score(b) - score(a))[0] as string;
  return /^slug: (.*)$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1]?.trim() as string;
}

/** Serves a built site on a free-ish port and waits until it answers. */
async function serveSite(outDir: string) {
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = spawn(process.execPath, ['scripts/serve-dist.ts', '--port', String(port), '--dir', outDir], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`http://localhost:${port}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, server };
}

async function pageWeight(outDir: string, path: string) {
  const { port, server } = await serveSite(outDir);
  try {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    // A first visit's page load: the service worker's one-time background download of the
    // whole site is reported apart (precache), so it is blocked here.
    const page = await browser.newPage({ serviceWorkers: 'block' });
    const responses: { url: string; type: string; raw: number; gzip: number }[] = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const ct = response.headers()['content-type'] ?? '';
      const type = ct.includes('html')
        ? 'html'
        : ct.includes('css')
          ? 'css'
          : ct.includes('javascript')
            ? 'js'
            : ct.includes('svg') || ct.includes('image')
              ? 'image'
              : 'other';
      responses.push({
        url: response.url(),
        type,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      });
    });
    await page.goto(`http://localhost:${port}${path}`, { waitUntil: 'networkidle' });
    const noJs = await browser.newPage({ javaScriptEnabled: false });
    await noJs.goto(`http://localhost:${port}${path}`);
    // Astro inlines small scripts into the page: count them as JS too.
    const inlineJs = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    );
    const readableWithoutJs = await noJs.evaluate(
      () =>
        document.querySelectorAll('svg.mmd').length > 0 &&
        (document.querySelector('.prose')?.textContent?.length ?? 0) > 1000,
    );
    await browser.close();
    const byType: Record<string, { raw: number; gzip: number; count: number }> = {};
    for (const r of responses) {
      const t = (byType[r.type] ??= { raw: 0, gzip: 0, count: 0 });
      t.raw += r.raw;
      t.gzip += r.gzip;
      t.count += 1;
    }
    const total = responses.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), {
      raw: 0,
      gzip: 0,
    });
    const inline = inlineJs.join('\n');
    const inlineJsBytes = { raw: Buffer.byteLength(inline), gzip: gzipSync(inline, { level: 9 }).length };
    return {
      path,
      requests: responses.length,
      total,
      byType,
      inlineJs: inlineJsBytes,
      readableWithoutJs,
      urls: responses.map((r) => r.url.replace(/^http:\/\/localhost:\d+/, '')),
    };
  } finally {
    server.kill();
  }
}

const SEARCH_BUDGET = { latencyMs: 150, firstResultsGzip: 60 * KiB };
const QUERIES = ['sticky sessions', 'cold start', 'load balancer', 'matchmaking', 'idempotency'];

/** Bytes a static host sends for a file: gzip for text (as scripts/serve-dist.ts does), else as is. */
function transferSize(file: string): number {
  const body = readFileSync(file);
  return /\.(html|css|js|json|svg|webmanifest|txt)$/.test(file)
    ? gzipSync(body, { level: 9 }).length
    : body.length;
}

/** The service worker's precache: how many files, raw bytes, bytes over the wire. */
function precacheSize(outDir: string) {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] as string);
  let raw = 0;
  let transfer = 0;
  const byFolder: Record<string, number> = {};
  for (const url of urls) {
    const file = join(outDir, url);
    const size = readFileSync(file).length;
    raw += size;
    transfer += transferSize(file);
    const folder = url.includes('/') ? `${url.split('/')[0]}/` : '(root)';
    byFolder[folder] = (byFolder[folder] ?? 0) + size;
  }
  return { files: urls.length, raw, transfer, byFolder };
}

/**
 * Search as a reader meets it: a fresh visit (nothing cached, no service worker), focus the
 * header box, type the query like a person (60 ms per key), and time from the last keystroke
 * to the first results on screen. Bytes: everything fetched from focus to those results.
 */
async function searchBench(outDir: string) {
  const { port, server } = await serveSite(outDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const runs: {
      query: string;
      latencyMs: number;
      bytes: number;
      engineBytes: number;
      queryBytes: number;
      requests: string[];
    }[] = [];
    for (const query of QUERIES) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/notes/${heaviestNoteSlug('content/notes')}/`);
      const fetched: { url: string; bytes: number }[] = [];
      page.on('response', async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const encoded = response.headers()['content-encoding'] === 'gzip';
        fetched.push({
          url: response.url(),
          bytes: encoded ? gzipSync(body, { level: 9 }).length : body.length,
        });
      });
      const box = page.getByRole('combobox', { name: /Search/ });
      await box.focus();
      await page.evaluate(() => {
        const input = document.querySelector('input[role="combobox"]') as HTMLInputElement;
        const list = document.querySelector('[role="listbox"]') as HTMLElement;
        const w = window as unknown as { lastKey: number; shown: number };
        input.addEventListener('keydown', () => (w.lastKey = performance.now()));
        new MutationObserver(() => {
          if (list.children.length && !w.shown) w.shown = performance.now();
        }).observe(list, { childList: true });
      });
      await page.keyboard.type(query.slice(0, -1), { delay: 60 });
      await page.evaluate(() => ((window as unknown as { shown: number }).shown = 0));
      await page.keyboard.type(query.slice(-1));
      await page.getByRole('option').first().waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => (window as unknown as { shown: number }).shown > 0);
      const latencyMs = await page.evaluate(() => {
        const w = window as unknown as { lastKey: number; shown: number };
        return w.shown - w.lastKey;
      });
      await page.waitForTimeout(200); // let the last responses' bodies be read
      // The engine (Pagefind's JS and WebAssembly, ~72 KiB, the wasm already compressed) is the
      // same for every query and starts loading on focus; the query's own data is the index
      // chunk and one fragment per result shown. Reported apart, the budget is on the latter.
      const searchFiles = fetched.filter((f) => f.url.includes('/pagefind/') || f.url.includes('/_astro/'));
      const sum = (files: { bytes: number }[]) => files.reduce((total, f) => total + f.bytes, 0);
      const engine = searchFiles.filter((f) =>
        /pagefind\.js|\.pagefind$|pagefind-entry|\.pf_meta/.test(f.url),
      );
      const data = searchFiles.filter((f) => /\.pf_(index|fragment|filter)$/.test(f.url));
      runs.push({
        query,
        latencyMs: round(latencyMs, 0),
        bytes: sum(searchFiles),
        engineBytes: sum(engine),
        queryBytes: sum(data),
        requests: searchFiles.map((f) => f.url.replace(/^http:\/\/localhost:\d+/, '')),
      });
      await context.close();
    }
    const latency = median(runs.map((r) => r.latencyMs));
    const bytes = median(runs.map((r) => r.queryBytes));
    return {
      queries: runs,
      latencyMs: { median: latency, max: Math.max(...runs.map((r) => r.latencyMs)) },
      firstResultsBytes: {
        query: bytes,
        engine: median(runs.map((r) => r.engineBytes)),
        total: median(runs.map((r) => r.bytes)),
      },
      budgets: {
        latency: {
          value: latency,
          budget: SEARCH_BUDGET.latencyMs,
          pass: latency <= SEARCH_BUDGET.latencyMs,
        },
        queryBytesGzip: {
          value: bytes,
          budget: SEARCH_BUDGET.firstResultsGzip,
          pass: bytes <= SEARCH_BUDGET.firstResultsGzip,
        },
      },
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Appends a paragraph to one note (the first with a diagram, so its page is a real one). */
function changeOneNote(dir: string): { file: string; original: string } {
  const notes = readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
  const file = notes.find((f) => readFileSync(join(dir, f), 'utf8').includes('```mermaid')) ?? notes[0];
  if (!file) throw new Error(`no note in ${dir}`);
  const original = readFileSync(join(dir, file), 'utf8');
  appendFileSync(join(dir, file), `\nAn edit made by the benchmark at ${Date.now()}.\n`);
  return { file, original };
}

interface BuildSet {
  cold: number[];
  /** Cold with the diagram render cache kept: everything but Chromium's drawing (Starlight draws none). */
  coldDiagramsCached: number[];
  warm: number[];
  change: number[];
  coldPeakRssMiB: number[];
  /** CPU seconds of each cold build (diagrams drawn). */
  coldCpu: number[];
  logs: string[];
}

const emptySet = (): BuildSet => ({
  cold: [],
  coldDiagramsCached: [],
  warm: [],
  change: [],
  coldPeakRssMiB: [],
  coldCpu: [],
  logs: [],
});
const summary = (set: BuildSet) => ({
  coldSeconds: { median: round(median(set.cold)), samples: set.cold.map((x) => round(x)) },
  ...(set.coldDiagramsCached.length
    ? {
        coldDiagramsCachedSeconds: {
          median: round(median(set.coldDiagramsCached)),
          samples: set.coldDiagramsCached.map((x) => round(x)),
        },
      }
    : {}),
  warmSeconds: { median: round(median(set.warm)), samples: set.warm.map((x) => round(x)) },
  oneChangeSeconds: { median: round(median(set.change)), samples: set.change.map((x) => round(x)) },
  coldPeakRssMiB: Math.max(...set.coldPeakRssMiB),
  coldCpuSeconds: { median: round(median(set.coldCpu)), samples: set.coldCpu.map((x) => round(x)) },
  warmOverCold: round(median(set.warm) / median(set.cold)),
  oneChangeOverCold: round(median(set.change) / median(set.cold)),
});

/**
 * Cold (every cache gone, diagrams too), warm (a rebuild with nothing changed) and one changed
 * note, for this site and, alternating run by run, for Starlight over the same notes; then ours
 * cold once more with the diagram render cache kept, to tell drawing from the rest.
 */
async function compareBuilds(
  label: string,
  notes: string,
  env: Record<string, string>,
  starlight: boolean,
  n = runs,
  coldAndWarmOnly = false,
) {
  const ours = emptySet();
  const theirs = emptySet();
  const slDir = starlight ? ensureStarlight() : '';
  for (let i = 0; i < n; i++) {
    clearCaches(true, env);
    const cold = await build(join(out, label), env);
    ours.cold.push(cold.seconds);
    ours.coldPeakRssMiB.push(cold.peakRssMiB);
    ours.coldCpu.push(cold.cpuSeconds);
    ours.logs.push(cold.log);
    if (starlight) {
      loadStarlightNotes(slDir, notes);
      clearStarlight(slDir);
      const r = await build('dist', {}, slDir);
      theirs.cold.push(r.seconds);
      theirs.coldPeakRssMiB.push(r.peakRssMiB);
      theirs.coldCpu.push(r.cpuSeconds);
    }
    ours.warm.push((await build(join(out, label), env)).seconds);
    if (starlight) theirs.warm.push((await build('dist', {}, slDir)).seconds);
    // At hundreds of notes, cold and warm only: each build takes minutes on a shared machine.
    if (coldAndWarmOnly) continue;
    const changed = changeOneNote(notes);
    ours.change.push((await build(join(out, label), env)).seconds);
    if (starlight) {
      cpSync(join(notes, changed.file), join(slDir, 'src/content/docs', changed.file));
      theirs.change.push((await build('dist', {}, slDir)).seconds);
    }
    writeFileSync(join(notes, changed.file), changed.original);
    // Cold again but for the diagrams: what the build costs besides drawing them.
    clearCaches(false, env);
    ours.coldDiagramsCached.push((await build(join(out, label), env)).seconds);
  }
  // Leave the output as the notes are (what the page and offline figures read).
  if (!coldAndWarmOnly) await build(join(out, label), env);
  const result: Record<string, unknown> = { ours: summary(ours) };
  if (starlight) {
    result.starlight = summary(theirs);
    result.ratio = {
      cold: round(median(ours.cold) / median(theirs.cold)),
      coldCpu: round(median(ours.coldCpu) / median(theirs.coldCpu)),
      ...(ours.coldDiagramsCached.length
        ? { coldDiagramsCached: round(median(ours.coldDiagramsCached) / median(theirs.cold)) }
        : {}),
      warm: round(median(ours.warm) / median(theirs.warm)),
      oneChange: round(median(ours.change) / median(theirs.change)),
    };
  }
  return { result, logs: ours.logs };
}

/** A page as a reader without a cache downloads it: the HTML and the stylesheets and scripts it links, gzip. */
function pageBytes(outDir: string, path: string) {
  const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
  const linked = [
    ...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"|<script[^>]*src="\/([^"]+)"/g),
  ].map((m) => (m[1] ?? m[2]) as string);
  const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
  const files = linked.map((f) => ({ file: f, gzip: gz(readFileSync(join(outDir, f))) }));
  return {
    path,
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: gz(html),
    totalGzip: gz(html) + files.reduce((sum, f) => sum + f.gzip, 0),
    linked: files,
  };
}

const pagefindMs = (log: string) => Number(/indexed \d+ page\(s\) in (\d+) ms/.exec(log)?.[1] ?? NaN);

function pageFile(outDir: string, path: string) {
  if (!existsSync(join(outDir, path))) return null;
  const body = readFileSync(join(outDir, path));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

function largestFile(outDir: string) {
  let best = { path: '', bytes: 0 };
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path).length;
    if (bytes > best.bytes) best = { path: path.slice(outDir.length + 1), bytes };
  }
  return best;
}

/**
 * Pagefind alone over N and 2N pages: the built pages once, then every one of them twice (each
 * folder of indexed pages copied under another name), so the mix of pages is the same and the
 * time should double. Runs alternate between the two, medians.
 */
async function pagefindScaling(outDir: string) {
  const once = mkdtempSync(join(tmpdir(), 'tradeoffs-pf-'));
  const twice = mkdtempSync(join(tmpdir(), 'tradeoffs-pf2-'));
  try {
    for (const target of [once, twice])
      cpSync(join(outDir), target, { recursive: true, filter: (f) => !f.includes('/pagefind') });
    for (const folder of readdirSync(twice, { withFileTypes: true })) {
      // Pages only: the assets (scripts, diagram files, icons) are not read by Pagefind.
      if (!folder.isDirectory() || ['_astro', 'pagefind', 'diagrams', 'icons'].includes(folder.name))
        continue;
      cpSync(join(twice, folder.name), join(twice, `${folder.name}-again`), { recursive: true });
    }
    const time = async (dir: string) => {
      const started = performance.now();
      const { pages } = await writeSearchIndex(dir);
      return { pages, ms: performance.now() - started };
    };
    const a: { pages: number; ms: number }[] = [];
    const b: { pages: number; ms: number }[] = [];
    for (let i = 0; i < Math.max(runs, 1); i++) {
      a.push(await time(once));
      b.push(await time(twice));
    }
    const summary = (xs: { pages: number; ms: number }[]) => ({
      pages: xs[0]?.pages ?? 0,
      ms: round(median(xs.map((x) => x.ms)), 0),
      samples: xs.map((x) => round(x.ms, 0)),
    });
    const single = summary(a);
    const double = summary(b);
    return {
      single,
      double,
      growth: round(double.ms / single.ms),
      pagesGrowth: round(double.pages / single.pages),
    };
  } finally {
    rmSync(once, { recursive: true, force: true });
    rmSync(twice, { recursive: true, force: true });
  }
}

const out = mkdtempSync(join(tmpdir(), 'tradeoffs-bench-'));
const results: Record<string, unknown> = {
  when: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
  machine: { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
};

try {
  console.log(
    `bench: ${runs} run(s) of cold / warm / one-change builds of content/notes${withStarlight ? ' beside Starlight' : ''}, then scales ${scales.join(', ')}, vault ${vaultScales.join(', ') || 'none'} (machine shared: quote medians)`,
  );
  // BENCH_SEEDS=0: the scales only (a long run at hundreds of notes).
  if (seedsOn) {
    // A copy of the notes, so the one-change builds never edit content/notes.
    const seedNotes = join(out, 'seed-notes');
    cpSync('content/notes', seedNotes, { recursive: true });
    const seeds = await compareBuilds('site', seedNotes, { TRADEOFFS_NOTES_DIR: seedNotes }, withStarlight);
    results.build = seeds.result;

    const slug = heaviestNoteSlug('content/notes');
    const weight = await pageWeight(join(out, 'site'), `/notes/${slug}/`);
    const jsGzip = (weight.byType.js?.gzip ?? 0) + weight.inlineJs.gzip;
    const budgets = {
      totalGzip: {
        value: weight.total.gzip,
        budget: BUDGET.totalGzip,
        pass: weight.total.gzip <= BUDGET.totalGzip,
      },
      jsGzip: { value: jsGzip, budget: BUDGET.jsGzip, pass: jsGzip <= BUDGET.jsGzip },
      requests: { value: weight.requests, budget: BUDGET.requests, pass: weight.requests <= BUDGET.requests },
      readableWithoutJs: { value: weight.readableWithoutJs, pass: weight.readableWithoutJs },
    };
    results.page = { ...weight, budgets };
    results.precache = precacheSize(join(out, 'site'));
    results.search = await searchBench(join(out, 'site'));

    // The largest quiz page: its script is what a reader downloads before the first answer.
    const quizzes = readdirSync('quizzes').filter((f) => f.endsWith('.yaml'));
    const biggestQuiz = quizzes
      .map((f) => ({ id: f.replace(/\.yaml$/, ''), size: readFileSync(join('quizzes', f)).length }))
      .sort((a, b) => b.size - a.size)[0];
    if (biggestQuiz) {
      const quizWeight = await pageWeight(join(out, 'site'), `/quizzes/${biggestQuiz.id}/`);
      const quizJs = (quizWeight.byType.js?.gzip ?? 0) + quizWeight.inlineJs.gzip;
      results.quizPage = {
        path: quizWeight.path,
        requests: quizWeight.requests,
        totalGzip: quizWeight.total.gzip,
        jsGzip: quizJs,
        budget: { jsGzip: APP_JS_BUDGET, pass: quizJs <= APP_JS_BUDGET },
        urls: quizWeight.urls,
      };
    }

    // The "compare and decide" pages: each must stay within the interactive-page script budget.
    const toolPages: unknown[] = [];
    for (const path of TOOL_PAGES) {
      if (!existsSync(join(out, 'site', path, 'index.html'))) continue;
      const weight = await pageWeight(join(out, 'site'), path);
      const js = (weight.byType.js?.gzip ?? 0) + weight.inlineJs.gzip;
      toolPages.push({
        path,
        requests: weight.requests,
        totalGzip: weight.total.gzip,
        jsGzip: js,
        budget: { jsGzip: APP_JS_BUDGET, pass: js <= APP_JS_BUDGET },
      });
    }
    results.toolPages = toolPages;

    results.plainNote = pageBytes(join(out, 'site'), `notes/${PLAIN_NOTE}/`);
  }

  // Scales: the five real notes plus generated ones (distinct text, tables, diagrams). Quizzes,
  // decks and prices point into the real notes' headings only, so they are off (as for every
  // other pile of notes).
  const scaling: unknown[] = [];
  const real = readdirSync('content/notes').filter((f) => f.endsWith('.mdx'));
  let largest = '';
  for (const n of scales) {
    const dir = join('bench/.corpus', String(n));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const corpus = makeCorpus(Math.max(0, n - real.length), { seed: n });
    for (const note of corpus) writeFileSync(join(dir, note.name), note.text);
    for (const file of real) cpSync(join('content/notes', file), join(dir, file));
    const env = otherNotesEnv(dir, {}, join(dir, 'none'));
    const label = `scale-${n}`;
    console.log(`bench: ${n} notes (${corpus.reduce((s, c) => s + c.diagrams, 0)} generated diagrams)`);
    const { result, logs } = await compareBuilds(
      label,
      dir,
      env,
      withStarlight && starlightScales.includes(n),
      n >= 300 ? 1 : Math.min(runs, 2),
      n >= 300,
    );
    const log = logs[0] ?? '';
    const diagrams = Number(/\[diagrams\] (\d+) diagram\(s\) ready/.exec(log)?.[1] ?? 0);
    const rendered = Number(/rendering (\d+) diagram/.exec(log)?.[1] ?? 0);
    const offline = precacheSize(join(out, label));
    scaling.push({
      notes: n,
      builds: result,
      diagrams,
      diagramsRenderedCold: rendered,
      pagefindMs: pagefindMs(log),
      plainNote: pageBytes(join(out, label), `notes/${PLAIN_NOTE}/`),
      offline: {
        files: offline.files,
        transferMiB: round(offline.transfer / 2 ** 20),
        rawMiB: round(offline.raw / 2 ** 20),
      },
      catalogue: pageFile(join(out, label), 'progress/catalogue.json'),
      largestFile: largestFile(join(out, label)),
    });
    largest = join(out, label);
    // Written as it goes: a run at 500 notes takes long enough to be cut short.
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/partial.json', `${JSON.stringify({ ...results, scaling }, null, 2)}\n`);
  }
  if (process.env.BENCH_PAGEFIND === '1' && largest) results.pagefindScaling = await pagefindScaling(largest);
  // Search on a fresh visit at the largest scale too (the real notes are in every scale's pile),
  // where the index has hundreds of pages' words to page through, not five.
  if (largest) results.searchAtScale = { notes: scales[scales.length - 1], ...(await searchBench(largest)) };

  // The vault: the same generator, Obsidian-shaped. It builds once the importer and the Obsidian
  // plugins are in; until then the figure says why not.
  const vault: unknown[] = [];
  for (const n of vaultScales) {
    const dir = join('bench/.corpus', `vault-${n}`);
    rmSync(dir, { recursive: true, force: true });
    for (const note of makeCorpus(n, { seed: n, variant: 'vault' })) {
      mkdirSync(join(dir, note.name, '..'), { recursive: true });
      writeFileSync(join(dir, note.name), note.text);
    }
    const vaultEnv = otherNotesEnv(dir, {}, join(dir, 'none'));
    clearCaches(true, vaultEnv);
    try {
      const r = await build(join(out, `vault-${n}`), vaultEnv);
      const pages = existsSync(join(out, `vault-${n}`, 'notes'))
        ? readdirSync(join(out, `vault-${n}`, 'notes')).filter((f) => !f.endsWith('.html')).length
        : 0;
      vault.push({
        notes: n,
        ok: true,
        seconds: round(r.seconds),
        peakRssMiB: r.peakRssMiB,
        notePages: pages,
      });
    } catch (error) {
      const message =
        String((error as Error).message)
          .split('\n')
          .find((l) => /error|Error/.test(l)) ?? 'build failed';
      vault.push({ notes: n, ok: false, error: message.slice(0, 300) });
    }
  }
  results.vault = vault;
  results.scaling = scaling;
} finally {
  // BENCH_KEEP=1: the built sites stay, to be read or checked (`scale-<n>/` for each scale).
  if (process.env.BENCH_KEEP === '1') console.log(`bench: built sites kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

if (!seedsOn) {
  console.log(
    JSON.stringify(
      {
        scaling: results.scaling,
        pagefind: results.pagefindScaling,
        search: results.searchAtScale,
        vault: results.vault,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}
type Summary = ReturnType<typeof summary>;
type Compared = {
  ours: Summary;
  starlight?: Summary;
  ratio?: { cold: number; coldCpu: number; coldDiagramsCached?: number; warm: number; oneChange: number };
};
const b = results.build as Compared;
const buildLine = (c: Compared) =>
  `cold ${c.ours.coldSeconds.median} s${c.ours.coldDiagramsCachedSeconds ? ` (diagrams cached ${c.ours.coldDiagramsCachedSeconds.median} s)` : ''}  warm ${c.ours.warmSeconds.median} s (${c.ours.warmOverCold} of cold)${c.ours.oneChangeSeconds.samples.length ? `  one change ${c.ours.oneChangeSeconds.median} s (${c.ours.oneChangeOverCold} of cold)` : ''}  peak ${c.ours.coldPeakRssMiB} MiB  cold CPU ${c.ours.coldCpuSeconds.median} s` +
  (c.starlight && c.ratio
    ? `\n    Starlight        cold ${c.starlight.coldSeconds.median} s  warm ${c.starlight.warmSeconds.median} s  one change ${c.starlight.oneChangeSeconds.median} s  cold CPU ${c.starlight.coldCpuSeconds.median} s  → ratio cold ${c.ratio.cold} (CPU ${c.ratio.coldCpu})${c.ratio.coldDiagramsCached === undefined ? '' : ` (diagrams cached ${c.ratio.coldDiagramsCached})`}, warm ${c.ratio.warm}, one change ${c.ratio.oneChange}`
    : '');
const plain = results.plainNote as ReturnType<typeof pageBytes>;
const p = results.page as Awaited<ReturnType<typeof pageWeight>> & {
  budgets: Record<string, { value: unknown; budget?: number; pass: boolean }>;
};
const kib = (x: number) => `${round(x / KiB, 1)} KiB`;
const search = results.search as Awaited<ReturnType<typeof searchBench>>;
console.log(`
build (5 notes)      ${buildLine(b)}
note without diagrams ${plain.path}: ${kib(plain.htmlRaw)} raw html, ${kib(plain.totalGzip)} gzip with its stylesheets
page ${p.path}
  requests           ${p.requests}  (${p.urls.join(', ')})
${Object.entries(p.byType)
  .map(([t, v]) => `  ${t.padEnd(18)} ${v.count} file(s)  ${kib(v.raw)} raw  ${kib(v.gzip)} gzip`)
  .join('\n')}
  inline JS (in html) ${kib(p.inlineJs.raw)} raw  ${kib(p.inlineJs.gzip)} gzip
  total              ${kib(p.total.raw)} raw  ${kib(p.total.gzip)} gzip
budgets
${Object.entries(p.budgets)
  .map(
    ([k, v]) =>
      `  ${k.padEnd(18)} ${v.pass ? 'PASS' : 'FAIL'}  ${typeof v.value === 'number' && k !== 'requests' ? kib(v.value) : v.value}${v.budget ? ` (budget ${k === 'requests' ? v.budget : kib(v.budget)})` : ''}`,
  )
  .join('\n')}
${
  results.quizPage
    ? (() => {
        const q = results.quizPage as {
          path: string;
          requests: number;
          totalGzip: number;
          jsGzip: number;
          budget: { pass: boolean };
        };
        return `quiz page ${q.path}\n  requests ${q.requests}  total ${kib(q.totalGzip)} gzip  JS ${kib(q.jsGzip)} gzip  ${q.budget.pass ? 'PASS' : 'FAIL'} (budget ${kib(APP_JS_BUDGET)})`;
      })()
    : ''
}
${(
  results.toolPages as {
    path: string;
    requests: number;
    totalGzip: number;
    jsGzip: number;
    budget: { pass: boolean };
  }[]
)
  .map(
    (t) =>
      `${t.path.padEnd(36)} requests ${t.requests}  total ${kib(t.totalGzip)} gzip  JS ${kib(t.jsGzip)} gzip  ${t.budget.pass ? 'PASS' : 'FAIL'}`,
  )
  .join('\n')}
precache             ${(results.precache as { files: number }).files} files  ${kib((results.precache as { raw: number }).raw)} raw  ${kib((results.precache as { transfer: number }).transfer)} over the wire
  by folder          ${Object.entries((results.precache as { byFolder: Record<string, number> }).byFolder)
    .sort((a, b) => b[1] - a[1])
    .map(([folder, size]) => `${folder} ${kib(size)}`)
    .join(', ')}
search (fresh visit, ${QUERIES.length} queries, 60 ms/key)
${search.queries
  .map(
    (q) =>
      `  ${q.query.padEnd(18)} ${String(q.latencyMs).padStart(4)} ms after last key   ${kib(q.queryBytes)} index+fragments, ${kib(q.bytes)} with engine and UI`,
  )
  .join('\n')}
  latency            ${search.budgets.latency.pass ? 'PASS' : 'FAIL'}  median ${search.latencyMs.median} ms, max ${search.latencyMs.max} ms (budget ${SEARCH_BUDGET.latencyMs} ms)
  query data         ${search.budgets.queryBytesGzip.pass ? 'PASS' : 'FAIL'}  median ${kib(search.firstResultsBytes.query)} (budget ${kib(SEARCH_BUDGET.firstResultsGzip)})
  + engine, once     ${kib(search.firstResultsBytes.engine)} (Pagefind JS + wasm, loaded on focus; precached after one visit)
  total first search ${kib(search.firstResultsBytes.total)}
scaling (five real notes + generated ones; quizzes and decks off)
${(
  results.scaling as {
    notes: number;
    builds: Compared;
    diagrams: number;
    diagramsRenderedCold: number;
    pagefindMs: number;
    plainNote: ReturnType<typeof pageBytes>;
    offline: { files: number; transferMiB: number };
    catalogue: { raw: number; gzip: number } | null;
    largestFile: { path: string; bytes: number };
  }[]
)
  .map(
    (s) =>
      `  ${String(s.notes).padStart(4)} notes  ${s.diagrams} diagrams (${s.diagramsRenderedCold} rendered cold)\n    build            ${buildLine(s.builds)}\n` +
      `    note w/o diagrams ${kib(s.plainNote.htmlRaw)} raw html (${round((s.plainNote.htmlRaw / plain.htmlRaw - 1) * 100, 1)} % vs 5 notes)\n` +
      `    offline download ${s.offline.transferMiB} MiB (${s.offline.files} files)  catalogue ${s.catalogue ? `${kib(s.catalogue.raw)} raw, ${kib(s.catalogue.gzip)} gzip` : '-'}  largest file ${s.largestFile.path} ${kib(s.largestFile.bytes)}  Pagefind ${s.pagefindMs} ms`,
  )
  .join('\n')}
${results.pagefindScaling ? `pagefind alone      ${JSON.stringify(results.pagefindScaling)}` : ''}
vault               ${JSON.stringify(results.vault)}
written to bench/results/latest.json`);
const searchBudgets = Object.values(search.budgets);
const quizBudget = (results.quizPage as { budget?: { pass: boolean } } | undefined)?.budget;
const toolBudgets = (results.toolPages as { budget: { pass: boolean } }[]).map((t) => t.budget);
if (
  process.env.BENCH_STRICT === '1' &&
  [...Object.values(p.budgets), ...searchBudgets, ...(quizBudget ? [quizBudget] : []), ...toolBudgets].some(
    (v) => !v.pass,
  )
)
  process.exit(1);
