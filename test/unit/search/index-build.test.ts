/**
 * The real Pagefind indexer over a small built site: what ends up searchable and what does not.
 * The quiz-like page shows the convention for answer keys (data-pagefind-ignore="all").
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/integrations/pagefind.ts';

let dist = '';
let records: { url: string; content: string; filters: Record<string, string[]> }[] = [];

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Navigation words</nav>${body}<footer>Footer words</footer></body></html>`;

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
  write('tags/x', '<main><h1>Not indexed: not marked as a body</h1></main>');
  const { pages } = await writeSearchIndex(dist);
  expect(pages).toBe(2);
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
  it('holds the pages marked data-pagefind-body, with their type filter', () => {
    expect(records.map((r) => [r.url, r.filters.type]).sort()).toEqual([
      ['/notes/a/', ['note']],
      ['/quizzes/q/', ['quiz']],
    ]);
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
    expect(all).not.toMatch(/Navigation words|Footer words/);
  });

  it('ships only the engine and index, not Pagefind’s ready-made UIs or worker', () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /ui|highlight|worker/.test(f))).toEqual([]);
  });
});
