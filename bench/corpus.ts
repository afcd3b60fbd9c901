/**
 * Generates a scaling corpus: N notes made from the real ones, each with its own slug, title and
 * varied text. Diagrams mostly repeat (cache hits, as in a real knowledge base where most
 * diagrams do not change between builds); a fixed share get a mermaid comment that makes their
 * source unique, so each build also renders some diagrams. Deterministic for a given seed.
 */

import { seededRandom } from '../src/domain/quiz/shuffle.ts';

const WORDS = [
  'latency',
  'throughput',
  'replica',
  'partition',
  'queue',
  'cache',
  'session',
  'shard',
  'quorum',
  'backoff',
];

export interface CorpusNote {
  name: string;
  text: string;
}

export function makeCorpus(
  sources: readonly string[],
  count: number,
  { seed = 1, uniqueDiagramShare = 0.1 } = {},
): CorpusNote[] {
  const random = seededRandom(seed);
  const notes: CorpusNote[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length] as string;
    const n = String(i + 1).padStart(4, '0');
    const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
    let text = source
      .replace(
        /^title: (.*)$/m,
        (_, t: string) => `title: ${JSON.stringify(`${t.replace(/^"|"$/g, '')} (copy ${n})`)}`,
      )
      .replace(/^slug: (.*)$/m, (_, s: string) => `slug: ${s}-copy-${n}`)
      .replace(/^order: .*$/m, `order: ${i + 1}`)
      // Vary the prose: a different closing word on each paragraph line.
      .replace(/^([A-Z][^\n|`<>]{40,}[.!?])$/gm, (line) => `${line} See also: ${word()} and ${word()}.`);
    if (random() < uniqueDiagramShare) {
      text = text.replace('```mermaid\n', `\`\`\`mermaid\n%% variant ${n}\n`);
    }
    notes.push({ name: `copy-${n}.mdx`, text });
  }
  return notes;
}
