/**
 * `npm run bench`: build time (cold, warm), weight of the diagram-heaviest note page, the
 * service worker's precache size, search latency and bytes, and build scaling over generated
 * corpora. Writes bench/results/latest.json and prints a table.
 * Env: BENCH_QUICK=1 (1 cold, 1 warm, 100 notes), BENCH_RUNS=cold,warm (default 2,3),
 * BENCH_SCALES=100,500, BENCH_STRICT=1 (exit 1 when a budget fails).
 * Medians, because these machines are noisy; all samples are in the JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
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
import { makeCorpus } from './corpus.ts';

const quick = process.env.BENCH_QUICK === '1';
const [coldRuns, warmRuns] = (process.env.BENCH_RUNS ?? (quick ? '1,1' : '2,3')).split(',').map(Number) as [
  number,
  number,
];
const scales = (process.env.BENCH_SCALES ?? (quick ? '100' : '100,500')).split(',').map(Number);
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

function clearCaches(diagrams: boolean): void {
  rmSync('.astro/data-store.json', { force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  if (diagrams) rmSync('node_modules/.cache/tradeoffs/diagrams', { recursive: true, force: true });
}

/** RSS of a process and all its descendants (Chromium included), from /proc. */
function treeRss(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
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

/** Runs `astro build` and returns seconds and peak RSS of the process tree. */
function build(
  outDir: string,
  env: Record<string, string> = {},
): Promise<{ seconds: number; peakRssMiB: number; log: string }> {
  return new Promise((resolveBuild, reject) => {
    const started = performance.now();
    // The running Node (24 via npm), not whatever `node` is first on PATH.
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid as number))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`build failed:\n${log.slice(-2000)}`));
      else
        resolveBuild({
          seconds: (performance.now() - started) / 1000,
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

const out = mkdtempSync(join(tmpdir(), 'tradeoffs-bench-'));
const results: Record<string, unknown> = {
  when: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
  machine: { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
};

try {
  console.log(
    `bench: ${coldRuns} cold + ${warmRuns} warm builds of content/notes, then scales ${scales.join(', ')}`,
  );
  const cold: number[] = [];
  const coldPeak: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    clearCaches(true);
    const r = await build(join(out, 'site'));
    cold.push(r.seconds);
    coldPeak.push(r.peakRssMiB);
  }
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    clearCaches(false); // content layer rebuilt; diagrams from the render cache
    warm.push((await build(join(out, 'site'))).seconds);
  }
  results.build = {
    coldSeconds: { median: round(median(cold)), samples: cold.map((x) => round(x)) },
    warmSeconds: { median: round(median(warm)), samples: warm.map((x) => round(x)) },
    coldPeakRssMiB: Math.max(...coldPeak),
  };

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

  const scaling: unknown[] = [];
  const sources = readdirSync('content/notes')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join('content/notes', f), 'utf8'));
  for (const n of scales) {
    const dir = join('bench/.corpus', String(n));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const corpus = makeCorpus(sources, n, { seed: n });
    for (const note of corpus) writeFileSync(join(dir, note.name), note.text);
    clearCaches(false);
    // Generated notes only: the real quizzes, decks and prices point at the real notes' headings.
    const r = await build(join(out, `scale-${n}`), otherNotesEnv(dir, {}, join(dir, 'none')));
    const rendered =
      /\[diagrams\] (\d+) diagram\(s\) ready in \d+ ms \((rendered|all from cache[^)]*)\)/.exec(r.log);
    const renderedCount = /rendering (\d+) diagram/.exec(r.log)?.[1];
    scaling.push({
      notes: n,
      seconds: round(r.seconds),
      msPerNote: round((r.seconds * 1000) / n, 1),
      peakRssMiB: r.peakRssMiB,
      diagrams: Number(rendered?.[1] ?? 0),
      diagramsRendered: Number(renderedCount ?? 0),
    });
  }
  results.scaling = scaling;
} finally {
  rmSync(out, { recursive: true, force: true });
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

const b = results.build as {
  coldSeconds: { median: number };
  warmSeconds: { median: number };
  coldPeakRssMiB: number;
};
const p = results.page as Awaited<ReturnType<typeof pageWeight>> & {
  budgets: Record<string, { value: unknown; budget?: number; pass: boolean }>;
};
const kib = (x: number) => `${round(x / KiB, 1)} KiB`;
const search = results.search as Awaited<ReturnType<typeof searchBench>>;
console.log(`
build (5 notes)      cold ${b.coldSeconds.median} s (median)   warm ${b.warmSeconds.median} s (median)   cold peak RSS ${b.coldPeakRssMiB} MiB
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
scaling
${(results.scaling as { notes: number; seconds: number; msPerNote: number; peakRssMiB: number; diagrams: number; diagramsRendered: number }[]).map((s) => `  ${String(s.notes).padStart(4)} notes  ${s.seconds} s  (${s.msPerNote} ms/note)  peak RSS ${s.peakRssMiB} MiB  ${s.diagrams} diagrams, ${s.diagramsRendered} rendered`).join('\n')}
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
