/**
 * The site check's link checker over many starting pages, as at 1,000 notes (every built page
 * is a starting point): it must keep to its concurrency. Before linkinator 8.0.3 it started every
 * starting page's request at once, and at 1,000 notes 257 valid practice-quiz pages failed
 * with status 0 (connect timeouts) because the server could not accept them all in time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, LINK_CONCURRENCY } from '../../../src/lib/link-check.ts';

const PAGES = 200;
let server: Server;
let origin = '';
let inFlight = 0;
let mostInFlight = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    // Slow enough that requests let through together overlap.
    setTimeout(() => {
      inFlight -= 1;
      const n = Number(/\/p(\d+)\//.exec(req.url ?? '')?.[1] ?? 0);
      if (req.url?.startsWith('/missing/')) {
        res.writeHead(404).end();
        return;
      }
      // Each page links to the next one, at a heading it has, like a note to its practice quiz.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><title>p${n}</title><h1 id="top">Page ${n}</h1>` +
          `<a href="/p${(n + 1) % PAGES}/#top">next</a></html>`,
      );
    }, 15);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the site check’s link checker', () => {
  it(`asks at most ${LINK_CONCURRENCY} pages at a time however many pages start it, and finds them all`, async () => {
    const result = await checkLinks({ paths: Array.from({ length: PAGES }, (_, i) => `${origin}/p${i}/`) });
    const broken = result.links.filter((l) => l.state === 'BROKEN');
    expect(broken.map((l) => `${l.url} ${l.status}`)).toEqual([]);
    expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThanOrEqual(PAGES);
    expect(requests).toBeGreaterThanOrEqual(PAGES);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(LINK_CONCURRENCY);
  });

  it('still reports a missing page as broken', async () => {
    const result = await checkLinks({ paths: [`${origin}/missing/`] });
    expect(result.links.map((l) => [l.state, l.status])).toEqual([['BROKEN', 404]]);
  });
});
