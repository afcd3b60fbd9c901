/**
 * Generates a scaling corpus: N notes of distinct generated text, tables and mermaid diagrams
 * (flowcharts, sequence and state diagrams, ≈ 5.8 per note as in a real 30-note pile with ~230
 * diagrams), so a cold build renders every diagram and nothing is a copy of anything else.
 * Deterministic for a seed.
 *
 * Two shapes:
 * - `notes`: flat `.mdx` files with this site's frontmatter (what `npm run import` writes);
 * - `vault`: an Obsidian-style vault — topic subfolders, `.md` files named by title, YAML
 *   frontmatter with tags (nested too), aliases and dates, `[[wikilinks]]` (with headings and
 *   aliases), `> [!tip]` callouts and `$math$`. The generator only writes the Markdown; whether it
 *   builds depends on the importer and Obsidian plugins of the build being measured.
 */

import { seededRandom } from '../src/domain/quiz/shuffle.ts';

export interface CorpusNote {
  /** Path relative to the corpus folder (`copy-0001.mdx`, `storage/Sharded Queue 0001.md`). */
  name: string;
  text: string;
  diagrams: number;
}

export interface CorpusOptions {
  seed?: number;
  variant?: 'notes' | 'vault';
  /** Mean mermaid diagrams per note (the first note of a corpus always has none). */
  diagramsPerNote?: number;
}

const NOUNS = [
  'cache',
  'queue',
  'replica',
  'shard',
  'partition',
  'session',
  'gateway',
  'ledger',
  'index',
  'worker',
  'scheduler',
  'broker',
  'bucket',
  'token',
  'lease',
  'snapshot',
  'journal',
  'router',
  'quorum',
  'tenant',
  'stream',
  'topic',
  'function',
  'container',
  'cluster',
  'region',
  'edge',
  'origin',
  'proxy',
  'pool',
];
const ADJECTIVES = [
  'stateless',
  'stateful',
  'durable',
  'eventual',
  'strong',
  'sticky',
  'idempotent',
  'sharded',
  'regional',
  'hot',
  'cold',
  'warm',
  'elastic',
  'bounded',
  'leased',
  'versioned',
  'batched',
  'ordered',
  'lazy',
  'eager',
];
const VERBS = [
  'replicates',
  'buffers',
  'routes',
  'retries',
  'throttles',
  'invalidates',
  'partitions',
  'compacts',
  'acknowledges',
  'snapshots',
  'rebalances',
  'expires',
  'deduplicates',
  'forwards',
  'persists',
  'schedules',
];
const TAGS = [
  'caching',
  'queues',
  'replication',
  'sharding',
  'consistency',
  'sessions',
  'serverless',
  'scaling',
  'storage',
  'networking',
  'cost',
  'observability',
  'security',
  'streaming',
  'databases',
  'reliability',
];
const FOLDERS = ['storage', 'compute', 'networking', 'data', 'operations', 'interviews'];
const CALLOUTS = ['tip', 'note', 'warning', 'info', 'example', 'question'];

type Random = () => number;

function tools(random: Random) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentence = () =>
    `${cap(pick(ADJECTIVES))} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(ADJECTIVES)} ${pick(NOUNS)} ` +
    `${pick(['when', 'until', 'before', 'after', 'unless'])} ${int(2, 900)} ${pick(NOUNS)}s ${pick(VERBS)} it.`;
  const paragraph = () => Array.from({ length: int(3, 6) }, sentence).join(' ');
  return { pick, int, cap, sentence, paragraph };
}

/** A valid mermaid diagram, unique through `mark` (the note and diagram number) in its labels. */
function diagram(random: Random, mark: string): string {
  const { pick, int, cap } = tools(random);
  const label = () => `${cap(pick(ADJECTIVES))} ${pick(NOUNS)}`;
  const kind = random();
  if (kind < 0.6) {
    const n = int(4, 10);
    const lines = [`flowchart ${pick(['LR', 'TD'])}`];
    for (let i = 1; i <= n; i++) {
      const shape = pick([
        ['[', ']'],
        ['(', ')'],
        ['{', '}'],
        ['[(', ')]'],
      ]);
      lines.push(`  n${i}${shape[0]}"${label()}${i === 1 ? ` ${mark}` : ''}"${shape[1]}`);
    }
    for (let i = 2; i <= n; i++) {
      const from = int(1, i - 1);
      lines.push(random() < 0.4 ? `  n${from} -->|${pick(VERBS)}| n${i}` : `  n${from} --> n${i}`);
    }
    // One flowchart in seven colours a node with a classDef of its own, as authors do: such a
    // diagram gets a theme block of its own, which must stay on its note's page (a shared
    // stylesheet of every block would grow every page with the pile). Decided from `mark`, not
    // from `random`, so every other diagram and note stays as it was.
    const tint = [...mark].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_003, 7);
    if (tint % 7 === 0) {
      const hex = (tint % 0xffffff).toString(16).padStart(6, '0');
      lines.push(`  classDef hot fill:#${hex},stroke:#333,stroke-width:2px`, '  class n1 hot');
    }
    return lines.join('\n');
  }
  if (kind < 0.85) {
    const parts = Array.from({ length: int(2, 5) }, (_, i) => `P${i}`);
    const lines = ['sequenceDiagram'];
    parts.forEach((p, i) => lines.push(`  participant ${p} as ${cap(pick(NOUNS))} ${i === 0 ? mark : i}`));
    for (let i = 0, m = int(3, 9); i < m; i++) {
      const a = pick(parts);
      const b = pick(parts.filter((p) => p !== a));
      lines.push(`  ${a}${pick(['->>', '-->>'])}${b}: ${pick(VERBS)} ${pick(NOUNS)} ${int(1, 99)}`);
    }
    if (random() < 0.3) lines.push(`  Note over ${parts[0]}: ${label()}`);
    return lines.join('\n');
  }
  const states = Array.from({ length: int(3, 6) }, (_, i) => `S${i}`);
  const lines = ['stateDiagram-v2', `  [*] --> ${states[0]}`];
  states.forEach((s) => lines.push(`  ${s} : ${label()} ${mark}`));
  for (let i = 1; i < states.length; i++)
    lines.push(`  ${states[int(0, i - 1)]} --> ${states[i]} : ${pick(VERBS)}`);
  lines.push(`  ${states[states.length - 1]} --> [*]`);
  return lines.join('\n');
}

function table(random: Random): string {
  const { pick, int, cap } = tools(random);
  // Distinct row and column names: cards are derived per row and column, and ids must not clash.
  const distinct = (xs: readonly string[], n: number) =>
    [...xs]
      .sort(() => random() - 0.5)
      .slice(0, n)
      .map(cap);
  const cols = int(3, 4);
  const header = ['Aspect', ...distinct(ADJECTIVES, cols - 1)];
  // A cell never names its own column and row ("warm queue" in row Queue, column Warm): the
  // practice question made from it would give its answer away, and the gate stops the build.
  const cell = (row: string, col: string): string => {
    const text = `${pick(ADJECTIVES)} ${pick(NOUNS)}`;
    return text === `${col} ${row}`.toLowerCase() ? cell(row, col) : text;
  };
  const rows = distinct(NOUNS, int(3, 6)).map((name) => [
    name,
    ...header.slice(1).map((col) => (random() < 0.3 ? `${int(1, 999)} ms` : cell(name, col))),
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Poisson-ish count with the given mean, from a seeded source. */
function countAround(random: Random, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = random();
  while (u > s && k < 40) {
    k += 1;
    p *= mean / k;
    s += p;
  }
  return k;
}

export function makeCorpus(
  count: number,
  { seed = 1, variant = 'notes', diagramsPerNote = 5.8 }: CorpusOptions = {},
): CorpusNote[] {
  const random = seededRandom(seed);
  const { pick, int, cap, paragraph } = tools(random);
  const titles = Array.from(
    { length: count },
    (_, i) => `${cap(pick(ADJECTIVES))} ${pick(NOUNS)} ${pick(NOUNS)}s ${String(i + 1).padStart(4, '0')}`,
  );
  const notes: CorpusNote[] = [];
  const headingsOf: string[][] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(4, '0');
    const title = titles[i] as string;
    const sections = Array.from(
      { length: int(4, 7) },
      (_, s) => `${cap(pick(ADJECTIVES))} ${pick(NOUNS)}s ${s + 1}`,
    );
    headingsOf.push(sections);
    const wanted = i === 0 ? 0 : countAround(random, diagramsPerNote);
    const body: string[] = [paragraph()];
    let drawn = 0;
    sections.forEach((heading, s) => {
      body.push(`## ${heading}`, paragraph(), paragraph());
      if (random() < 0.4) body.push(table(random));
      const here = s === sections.length - 1 ? wanted - drawn : Math.min(wanted - drawn, int(0, 2));
      for (let d = 0; d < here; d++) {
        drawn += 1;
        body.push('```mermaid\n' + diagram(random, `${n}x${drawn}`) + '\n```', paragraph());
      }
      if (variant === 'vault') {
        // Links to earlier notes only, so every heading linked to exists.
        const k = int(0, Math.max(0, i - 1));
        const other = titles[k] as string;
        if (i > 0 && random() < 0.6)
          body.push(`See [[${other}]] and [[${other}#${pick(headingsOf[k] as string[])}|the trade-offs]].`);
        if (random() < 0.3)
          body.push(`> [!${pick(CALLOUTS)}] ${cap(pick(ADJECTIVES))} ${pick(NOUNS)}\n> ${paragraph()}`);
        if (random() < 0.25)
          body.push(
            `Capacity is $N = ${int(2, 64)} \\times r$ and the failure odds $p^{${int(2, 5)}}$, so $$\\frac{${int(1, 9)}}{${int(10, 99)}}$$`,
          );
      }
    });
    const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
    const summary = `${cap(pick(ADJECTIVES))} ${pick(NOUNS)}s and ${pick(ADJECTIVES)} ${pick(NOUNS)}s, with ${drawn} diagram(s).`;
    if (variant === 'notes') {
      const slug = `copy-${n}`;
      const front = [
        '---',
        `title: ${JSON.stringify(title)}`,
        `slug: ${slug}`,
        `summary: ${JSON.stringify(summary)}`,
        `tags: [${tags.join(', ')}]`,
        `order: ${i + 1}`,
        `source: ${slug}.md`,
        '---',
      ];
      notes.push({
        name: `${slug}.mdx`,
        text: `${front.join('\n')}\n\n${body.join('\n\n')}\n`,
        diagrams: drawn,
      });
    } else {
      const folder = FOLDERS[i % FOLDERS.length] as string;
      const front = [
        '---',
        `title: ${JSON.stringify(title)}`,
        `tags: [${tags.map((t, k) => (k === 1 ? `${t}/${pick(NOUNS)}` : t)).join(', ')}]`,
        `aliases: [${JSON.stringify(`${pick(NOUNS)} ${n}`)}]`,
        `created: 2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        `summary: ${JSON.stringify(summary)}`,
        '---',
      ];
      notes.push({
        name: `${folder}/${title}.md`,
        text: `${front.join('\n')}\n\n# ${title}\n\n${body.join('\n\n')}\n\n#${pick(TAGS)}\n`,
        diagrams: drawn,
      });
    }
  }
  return notes;
}
