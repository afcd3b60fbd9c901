/**
 * A real build of the fixture notes, then the service worker's precache list against dist/:
 * every file is precached (the whole pagefind/ folder included) or listed for "Keep everything
 * offline" (offline.json: full-size diagrams, tag pages, the all-cards page), every file a
 * precached page loads is precached, and every link goes to one of the two; the progress
 * dashboard's catalogue is precached.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherNotesEnv } from '../../../src/lib/paths.ts';
import { type PackedCatalogue, unpackCatalogue } from '../../../src/domain/progress/packed-catalogue.ts';
import { withBuildLock } from '../../support/build-lock.ts';
import {
  localReferences,
  missingFromPrecache,
  precachedUrls,
  referencedFile,
} from '../../support/precache.ts';

let outDir = '';
let files: string[] = [];
let precached: string[] = [];
let extra: string[] = [];

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'tradeoffs-precache-'));
  const result = withBuildLock(() =>
    spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: {
        ...process.env,
        // The valid fixtures: a note, and a quiz and a deck that point into it.
        ...otherNotesEnv('test/fixtures/valid/notes', {
          quizzes: 'test/fixtures/valid/quizzes',
          cards: 'test/fixtures/valid/cards',
        }),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      encoding: 'utf8',
      timeout: 180_000,
    }),
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split('\\').join('/'));
  precached = precachedUrls(readFileSync(join(outDir, 'sw.js'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(outDir, 'offline.json'), 'utf8')) as {
    extra: { url: string }[];
  };
  extra = manifest.extra.map((f) => referencedFile(`/${f.url}`, 'index.html'));
}, 200_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('service worker precache', () => {
  it('lists every file of the built site, for the first visit or for "Keep everything offline"', () => {
    expect(precached.length).toBeGreaterThan(10);
    // sw-offline.js is the worker's own part, loaded with it (importScripts).
    expect(missingFromPrecache(files, [...precached, ...extra, 'sw-offline.js'], 'sw.js')).toEqual([]);
    expect(precached).toContain('offline.json');
  });

  it('leaves out of the first download only what duplicates or lists what it holds', () => {
    expect(extra.length).toBeGreaterThan(0);
    expect(
      extra.filter(
        (f) =>
          !/^(diagrams\/|tags\/[^/]+\/|(flashcards|quizzes)\/[^/]+\/index\.html$|flashcards\/anki\/|pagefind\/wasm\.unknown\.pagefind$)/.test(
            f,
          ),
      ),
    ).toEqual([]);
    expect(precached.filter((f) => extra.includes(f))).toEqual([]);
    // every note page, and the first diagram file behind a note's inline SVG, which is not needed
    const notes = files.filter((f) => /^notes\/[^/]+\/index\.html$/.test(f));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(precached).toContain(note);
    expect(extra.some((f) => f.startsWith('diagrams/'))).toBe(true);
  });

  it('keeps each deck as data and one page that reviews any deck from it, instead of every deck page', () => {
    const decks = extra.filter((f) => /^flashcards\/[^/]+\/index\.html$/.test(f) && !f.includes('/all/'));
    expect(decks).toContain('flashcards/valid-deck/index.html');
    for (const page of decks) expect(precached).toContain(page.replace('index.html', 'deck.json'));
    expect(precached).toEqual(expect.arrayContaining(['offline/deck/index.html', 'flashcards/decks.json']));
    const data = JSON.parse(readFileSync(join(outDir, 'flashcards/valid-deck/deck.json'), 'utf8'));
    expect(data).toMatchObject({ id: 'valid-deck', title: 'Valid deck' });
    expect(data.cards.map((c: string[]) => c[0])).toContain('valid-deck/scaling');
    expect(JSON.parse(readFileSync(join(outDir, 'flashcards/decks.json'), 'utf8'))).toContain('valid-deck');
  });

  it('keeps each quiz as a fragment and one page that shows any quiz from it, instead of every quiz page', () => {
    const quizzes = extra.filter((f) => /^quizzes\/[^/]+\/index\.html$/.test(f));
    expect(quizzes).toContain('quizzes/valid-quiz/index.html');
    for (const page of quizzes) {
      expect(precached).toContain(page.replace('index.html', 'body.html'));
      expect(precached).toContain(page.replace('index.html', 'key.json'));
    }
    expect(precached).toContain('offline/quiz/index.html');
    const fragment = readFileSync(join(outDir, 'quizzes/valid-quiz/body.html'), 'utf8');
    expect(fragment).toContain('data-quiz-id="valid-quiz"');
    expect(fragment).not.toContain('<template');
    expect(fragment).not.toContain('site-header');
  });

  it('includes the whole Pagefind index and engine', () => {
    const pagefind = files.filter((f) => f.startsWith('pagefind/'));
    expect(pagefind).toEqual(
      expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']),
    );
    expect(pagefind.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(pagefind.some((f) => f.endsWith('.pagefind'))).toBe(true);
    // …but an engine for a language the index does not have, which nothing loads.
    for (const file of pagefind)
      expect(precached.includes(file) || file === 'pagefind/wasm.unknown.pagefind').toBe(true);
    expect(precached).toContain('pagefind/wasm.en.pagefind');
  });

  it('precaches the progress dashboard and the catalogue it fetches, built from the content', () => {
    const have = new Set(precached.map((url) => url.replace(/^\//, '')));
    expect(have).toContain('progress/index.html');
    expect(have).toContain('progress/catalogue.json');
    const catalogue = unpackCatalogue(
      JSON.parse(readFileSync(join(outDir, 'progress/catalogue.json'), 'utf8')) as PackedCatalogue,
    );
    expect(catalogue.quizzes).toEqual([
      {
        id: 'valid-quiz',
        title: 'Valid quiz',
        questions: { scaling: { topic: 'scaling', source: 'valid-note#section-one' } },
      },
    ]);
    expect(catalogue.decks.find((d) => d.id === 'valid-deck')).toEqual({
      id: 'valid-deck',
      title: 'Valid deck',
      cards: { 'valid-deck/scaling': { topic: 'scaling', sources: ['valid-note#section-one'] } },
    });
    expect(catalogue.notes['valid-note']?.headings['section-one']).toBe('Section one');
    // Personal data: the dashboard is not in the search index.
    const html = readFileSync(join(outDir, 'progress/index.html'), 'utf8');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toContain('data-pagefind-filter');
  });

  it('covers everything each precached page loads, and every link is available one way or the other', () => {
    const have = new Set(precached);
    const later = new Set(extra);
    const missing: string[] = [];
    for (const page of precached.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(outDir, page), 'utf8');
      const loaded = new Set(
        [...html.matchAll(/\ssrc="([^"]*)"|<link rel="stylesheet" href="([^"]*)"/g)].map((m) => m[1] ?? m[2]),
      );
      for (const url of localReferences(html)) {
        const file = referencedFile(url, page);
        // /search/?q= is the search page; /sw.js is the worker itself.
        if (file === 'sw.js' || have.has(file)) continue;
        if (loaded.has(url) || !later.has(file)) missing.push(`${page}: ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
