import { describe, expect, it } from 'vitest';
import {
  diagramErrorLine,
  findMermaidFences,
  findUnclosedFence,
} from '../../../src/markdown/mermaid/fences.ts';

const note = [
  '# T',
  '',
  '```mermaid',
  'graph TD',
  '  A --> B',
  '```',
  '',
  '~~~~js',
  '```mermaid',
  'not a fence',
  '~~~~',
  '```mermaid',
  'flowchart LR',
  '```',
].join('\n');

describe('findMermaidFences', () => {
  it('finds mermaid fences with the line of the opening fence, ignoring fences inside other code', () => {
    expect(findMermaidFences(note)).toEqual([
      { source: 'graph TD\n  A --> B', line: 3 },
      { source: 'flowchart LR', line: 12 },
    ]);
  });
  it('handles CRLF', () => {
    expect(findMermaidFences('```mermaid\r\ngraph TD\r\n```\r\n')).toEqual([{ source: 'graph TD', line: 1 }]);
  });
});

describe('findUnclosedFence', () => {
  it('is null when every fence closes', () => {
    expect(findUnclosedFence(note)).toBeNull();
  });
  it('names the line of a fence that never closes', () => {
    expect(findUnclosedFence('a\n\n```js\nx\n')).toBe(3);
  });
  it('does not accept a shorter closing fence', () => {
    expect(findUnclosedFence('````\nx\n```\n')).toBe(1);
  });
});

describe('diagramErrorLine', () => {
  it('maps mermaid’s diagram-relative line to the file', () => {
    expect(diagramErrorLine(10, 'Parse error on line 3:\n...')).toBe(13);
    expect(diagramErrorLine(10, 'Lexical error')).toBe(10);
  });
});
