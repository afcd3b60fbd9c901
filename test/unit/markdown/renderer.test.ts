/**
 * The diagram renderer with real mermaid in real Chromium: batches spread over the pool's
 * pages come back in the input order, every result is on disk (not only in memory), a rerun
 * draws only what changed, and nothing launches a browser when every diagram is cached.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageSvg } from '../../../src/markdown/mermaid/fill.ts';
import { createDiagramRenderer } from '../../../src/markdown/mermaid/renderer.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'tradeoffs-renderer-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const flow = (label: string) => `flowchart LR\n  A[Client] --> B[${label}]`;

describe('diagram renderer', () => {
  const launches: number[] = [];
  // Batches of one on two pages replaced after two diagrams: every path of the pool runs.
  const renderer = () =>
    createDiagramRenderer({
      cacheDir,
      batchSize: 1,
      pool: { pages: 2, recycleAfter: 2 },
      onLaunch: (count) => launches.push(count),
    });

  it('draws each diagram once, in order, and writes each to the cache', async () => {
    const sources = ['Cache', 'Queue', 'Shard', 'Replica', 'Cache'].map(flow);
    sources.push('sequenceDiagram\n  Alice->>Bob: Hello');
    const outcomes = await renderer().renderAll(sources);
    expect(launches).toEqual([5]);
    outcomes.forEach((outcome, i) => {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.artifact.source).toBe(sources[i]);
    });
    const labels = outcomes.map((o) =>
      o.ok ? /<text[^>]*>(?:<tspan[^>]*>)*([^<]*Queue|[^<]*Shard)/.exec(o.artifact.svg)?.[1] : '',
    );
    expect(labels[1]).toContain('Queue');
    expect(labels[2]).toContain('Shard');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(5);
  });

  it('a new process draws only the changed diagram, and none when all are cached', async () => {
    launches.length = 0;
    const next = renderer();
    await next.renderAll(['Cache', 'Queue', 'Gateway'].map(flow));
    expect(launches).toEqual([1]);
    await renderer().renderAll(['Cache', 'Gateway'].map(flow));
    expect(launches).toEqual([1]);
    expect(next.fileNames()).toHaveLength(3);
    expect(await next.standalone(next.fileNames()[0] as string)).toMatch(/^<svg[\s\S]*<style>/);
  });

  it('makes a diagram’s page markup once and keeps it beside the render', async () => {
    const r = renderer();
    const [outcome] = await r.renderAll([flow('Cache')]);
    const name = r.fileNames()[0] as string;
    const hash = name.slice(2, 10);
    const markup = await r.pageMarkup(name);
    expect(markup).toBe(outcome?.ok ? pageSvg(outcome.artifact.svg, hash) : 'not drawn');
    expect(markup).toContain(`aria-labelledby="diagram-${hash}-name"`);
    const kept = readdirSync(cacheDir).filter((f) => f.endsWith('.page.svg'));
    expect(kept).toHaveLength(1);
    // Read back from there by the next build, not made again.
    writeFileSync(join(cacheDir, kept[0] as string), '<svg>kept</svg>');
    const next = renderer();
    await next.renderAll([flow('Cache')]);
    expect(await next.pageMarkup(name)).toBe('<svg>kept</svg>');
    expect(await next.pageMarkup('m-00000000.svg')).toBeUndefined();
  });

  it('draws a diagram once when two callers ask for it at the same time', async () => {
    launches.length = 0;
    const r = renderer();
    const one = ['Ledger', 'Outbox', 'Saga'].map(flow);
    const two = ['Saga', 'Ledger', 'Inbox'].map(flow);
    const [a, b] = await Promise.all([r.renderAll(one), r.renderAll(two)]);
    expect([...a, ...b].every((o) => o.ok)).toBe(true);
    // Four distinct diagrams, each drawn once: the second caller waits for what the first draws.
    expect(r.stats().drawn).toBe(4);
    expect(launches.reduce((sum, n) => sum + n, 0)).toBe(4);
    await r.renderAll(two);
    expect(r.stats()).toEqual({ drawn: 4, launches: launches.length });
  });

  it('reports mermaid’s own message for an invalid diagram, keeps the valid ones', async () => {
    const r = renderer();
    const errors = await r.errors([flow('Cache'), 'flowchart LR\n  A --> ', flow('Broker')]);
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toMatch(/Parse error on line \d+/);
    expect(errors[2]).toBeUndefined();
    expect(r.fileNames()).toHaveLength(2);
  });
});
