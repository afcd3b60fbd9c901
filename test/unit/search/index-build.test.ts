/**
 * The real Pagefind indexer over a small built site: what ends up searchable and what does not.
 * The quiz-like page shows the convention for answer keys (data-pagefind-ignore="all").
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/integrations/pagefind.ts';

let dist = '';
let records: { url: string; content: string; filters: Record<string, string[]> }[] = [];

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><header><nav>Navigation words</nav></header><main id="main">${body}<aside>Beside words</aside></main><footer>Footer words</footer></body></html>`;
/** More pages than Pagefind is sent ahead of its answers (IN_FLIGHT). */
const MORE = 12;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tradeoffs-index-'));
  const write = (path: string, html: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(join(dist, path, 'index.html'), page(html));
  };
  write(
    'notes/a',
    `<article data-pagefind-body><span hidden data-pagefind-filter="type:note"></span><h1>Note A</h1>
     <p>Prose about sticky sessions.</p>
     <figure><svg role="img"><text><tspan>Zanzibar Balancer</tspan></text></svg>
     <details class="diagram-source"><pre>LB[Quokkasyntax]</pre></details></figure></article>`,
  );
  write(
    'quizzes/q',
    `<article data-pagefind-body><span hidden data-pagefind-filter="type:quiz"></span><h1>Quiz</h1>
     <p>Which keeps a user on one server?</p>
     <div data-pagefind-ignore="all"><p>Answer: Xylophonekey is correct because…</p></div></article>`,
  );
  write('tags/x', '<h1>Not indexed: not marked as a body</h1>');
  for (let i = 0; i < MORE; i++)
    write(
      `notes/n${String(i).padStart(2, '0')}`,
      `<article data-pagefind-body><span hidden data-pagefind-filter="type:note"></span><h1>N${i}</h1><p>Word${i}x</p></article>`,
    );
  // The offline copy of a quiz's body, beside its page: the same marked element, not a page.
  writeFileSync(
    join(dist, 'quizzes/q/body.html'),
    '<article data-pagefind-body><h1>Quiz</h1><p>Which keeps a user on one server?</p></article>',
  );
  const { pages } = await writeSearchIndex(dist);
  expect(pages).toBe(2 + MORE);
  const fragments = join(dist, 'pagefind/fragment');
  records = readdirSync(fragments).map((f) =>
    JSON.parse(
      gunzipSync(readFileSync(join(fragments, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
}, 60_000);

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the search index', () => {
  it('holds the pages marked data-pagefind-body, each once, with their type filter', () => {
    expect(
      records
        .filter((r) => !/\/n\d+\/$/.test(r.url))
        .map((r) => [r.url, r.filters.type])
        .sort(),
    ).toEqual([
      ['/notes/a/', ['note']],
      ['/quizzes/q/', ['quiz']],
    ]);
    expect(new Set(records.map((r) => r.url)).size).toBe(2 + MORE);
    expect(records.filter((r) => r.url === '/notes/n11/').map((r) => r.content)).toEqual(['N11. Word11x.']);
  });

  it('has diagram labels (text inside SVG), not the diagram source', () => {
    const note = records.find((r) => r.url === '/notes/a/');
    expect(note?.content).toContain('Zanzibar Balancer');
    expect(note?.content).not.toContain('Quokkasyntax');
  });

  it('never has a quiz answer key, navigation or footer', () => {
    const all = records.map((r) => r.content).join('\n');
    expect(all).toContain('Which keeps a user on one server?');
    expect(all).not.toContain('Xylophonekey');
    expect(all).not.toMatch(/Navigation words|Footer words|Beside words/);
  });

  it('ships only the engine and index, not Pagefind’s ready-made UIs or worker', () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /ui|highlight|worker/.test(f))).toEqual([]);
  });
});

describe('the search index of a rebuild', () => {
  /** Every file of a folder with its bytes, by path. */
  const files = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name))]),
    );
  const copy = (name: string) => {
    const to = join(dist, '..', `${dist.split('/').pop()}-${name}`);
    cpSync(dist, to, { recursive: true, filter: (f) => !f.includes('/pagefind') });
    return to;
  };

  it('is the last build’s when every page reads the same, and made again when one changed', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'tradeoffs-index-cache-'));
    const [first, again, edited] = [copy('first'), copy('again'), copy('edited')];
    try {
      expect((await writeSearchIndex(first, cache)).reused).toBe(false);
      const second = await writeSearchIndex(again, cache);
      expect(second).toMatchObject({ pages: 2 + MORE, reused: true });
      expect(files(join(again, 'pagefind'))).toEqual(files(join(first, 'pagefind')));
      // What a fresh index of the same pages holds, too.
      expect(Object.keys(files(join(again, 'pagefind'))).sort()).toEqual(
        Object.keys(files(join(dist, 'pagefind'))).sort(),
      );

      const note = join(edited, 'notes/a/index.html');
      writeFileSync(
        note,
        readFileSync(note, 'utf8').replace('sticky sessions', 'sticky sessions and Quagmire'),
      );
      expect((await writeSearchIndex(edited, cache)).reused).toBe(false);
      const fragments = readdirSync(join(edited, 'pagefind/fragment')).map((f) =>
        gunzipSync(readFileSync(join(edited, 'pagefind/fragment', f))).toString('utf8'),
      );
      expect(fragments.join('\n')).toContain('Quagmire');
    } finally {
      for (const dir of [cache, first, again, edited]) rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
