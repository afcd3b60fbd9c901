import { describe, expect, it } from 'vitest';
import { workerExtraSource } from '../../../src/integrations/service-worker.ts';

const file = (path: string) => ({ path, size: 1 });
const plan = {
  core: [file('index.html'), file('offline/deck/index.html')],
  extra: [
    file('tags/caching/index.html'),
    file('diagrams/m-1.svg'),
    file('flashcards/a/index.html'),
    file('flashcards/anki/a.txt'),
  ],
  tooLarge: [],
};

describe("the worker's own part", () => {
  it('is a script the worker can load, naming the pages not kept that are told by no pattern', () => {
    const source = workerExtraSource('/repo/', plan);
    // Compiles (runs only in a worker: it uses `self`).
    expect(() => new Function(source)).not.toThrow();
    const later = JSON.parse(/const LATER = (\[.*\]);/.exec(source)?.[1] ?? 'null') as string[];
    expect(later).toEqual(['tags/caching/', 'flashcards/anki/a.txt']);
    expect(source).toContain('const BASE = "/repo/"');
    expect(source).toContain('"deck":"offline/deck/index.html"');
    expect(source).toContain('"not-kept":"offline/not-kept/index.html"');
  });
});
