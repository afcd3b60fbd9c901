/**
 * Diagrams that parse but draw something else than meant: each case below rendered without a
 * word from mermaid (an extra actor or box), and is now caught, with the repair when one
 * declared name is clearly meant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMermaidFences } from '../../../src/markdown/mermaid/fences.ts';
import { lintDiagram } from '../../../src/markdown/mermaid/lint.ts';

const d = (...lines: string[]) => lines.join('\n');

describe('sequence diagrams', () => {
  it('an alias used as a name is repaired to the participant it names', () => {
    const result = lintDiagram(
      d(
        'sequenceDiagram',
        '    participant A as Alice',
        '    participant B as Bob',
        '    A->>B: hello',
        '    Alice->>+B: again',
        '    Note over Alice,B: both',
        '    activate Alice',
        '    B-->>Alice: reply',
      ),
    );
    expect(result.problems).toEqual([
      {
        line: 5,
        message:
          '"Alice" is the display name of participant "A", so mermaid draws a second actor "Alice": write "A"',
        fix: { from: 'Alice', to: 'A' },
      },
    ]);
    expect(result.repaired).toBe(
      d(
        'sequenceDiagram',
        '    participant A as Alice',
        '    participant B as Bob',
        '    A->>B: hello',
        '    A->>+B: again',
        '    Note over A,B: both',
        '    activate A',
        '    B-->>A: reply',
      ),
    );
  });

  it('a name differing only by case or spacing from a participant is repaired', () => {
    const result = lintDiagram(
      d(
        'sequenceDiagram',
        'participant LoadBalancer',
        'Client->>Load Balancer: request',
        'loadbalancer-->>Client: ok',
      ),
    );
    expect(result.problems.map((p) => [p.line, p.fix?.to])).toEqual([
      [3, 'LoadBalancer'],
      [4, 'LoadBalancer'],
    ]);
    expect(result.repaired).toBe(
      d(
        'sequenceDiagram',
        'participant LoadBalancer',
        'Client->>LoadBalancer: request',
        'LoadBalancer-->>Client: ok',
      ),
    );
  });

  it('a name two participants could mean is reported, not repaired', () => {
    const result = lintDiagram(
      d(
        'sequenceDiagram',
        'participant A as Server',
        'participant B as Server',
        'Client->>Server: which one?',
      ),
    );
    expect(result.repaired).toBeUndefined();
    expect(result.problems).toEqual([
      {
        line: 4,
        message:
          '"Server" is not declared and could mean "A" or "B": mermaid draws it as another actor; name one of them',
      },
    ]);
  });

  it('undeclared names differing only by case are reported', () => {
    const result = lintDiagram(d('sequenceDiagram', 'Client->>API: a', 'client->>API: b'));
    expect(result.repaired).toBeUndefined();
    expect(result.problems.map((p) => p.line)).toEqual([3]);
    expect(result.problems[0]?.message).toMatch(/"client" and "Client" differ only by case/);
  });

  it('a clean diagram has no problem', () => {
    expect(
      lintDiagram(
        d(
          'sequenceDiagram',
          'participant C as Client',
          'C->>S: x',
          'S--)C: y',
          'loop every minute',
          'C-xS: z',
          'end',
        ),
      ),
    ).toEqual({ problems: [] });
  });
});

describe('flowcharts', () => {
  it('a label used as an id is repaired to the node it labels', () => {
    const result = lintDiagram(
      d('flowchart LR', '    C[Cache] -->|Cache miss| D[(Database)]', '    App --> Cache'),
    );
    expect(result.problems).toEqual([
      {
        line: 3,
        message:
          '"Cache" is the label of node "C" (C[Cache]), so mermaid draws a second box "Cache": write "C"',
        fix: { from: 'Cache', to: 'C' },
      },
    ]);
    expect(result.repaired).toBe(
      d('flowchart LR', '    C[Cache] -->|Cache miss| D[(Database)]', '    App --> C'),
    );
  });

  it('ids differing only by case or _/- are repaired to the labelled one', () => {
    const result = lintDiagram(
      d(
        'graph TD',
        '  API[API Gateway] --> S[Service]',
        '  api --> DB',
        '  Load_Balancer[LB] --> API',
        '  loadbalancer & api --> S',
      ),
    );
    expect(result.problems.map((p) => [p.line, p.fix?.from, p.fix?.to])).toEqual([
      [3, 'api', 'API'],
      [5, 'loadbalancer', 'Load_Balancer'],
    ]);
    expect(result.repaired?.split('\n').slice(2)).toEqual([
      '  API --> DB',
      '  Load_Balancer[LB] --> API',
      '  Load_Balancer & API --> S',
    ]);
  });

  it('bare ids that differ only by case are reported (no label says which is meant)', () => {
    const result = lintDiagram(d('flowchart LR', 'a --> b', 'A --> c'));
    expect(result.repaired).toBeUndefined();
    expect(result.problems).toEqual([
      {
        line: 3,
        message: 'nodes "a" and "A" differ only by case or "_"/"-", so mermaid draws 2 boxes: write one id',
      },
    ]);
  });

  it('subgraphs, styles, classes and quoted labels are not nodes to lint', () => {
    const source = d(
      'flowchart TD',
      '  subgraph Edge["Edge layer"]',
      '    CDN["CDN (cache)"] --> LB{Load balancer}',
      '  end',
      '  LB --> App(("App")):::hot',
      '  classDef hot fill:#f96',
      '  style App stroke:#333',
      '  Edge --> App',
      '  click App "https://example.com"',
    );
    expect(lintDiagram(source)).toEqual({ problems: [] });
  });

  it('`%% lint: off` turns it off for one diagram; other diagram kinds pass', () => {
    expect(lintDiagram(d('flowchart LR', '%% lint: off', 'a --> b', 'A --> c')).problems).toEqual([]);
    expect(lintDiagram(d('pie', '"a" : 1')).problems).toEqual([]);
  });

  it('the diagrams of every committed note and fixture are clean (no false alarm)', () => {
    const dirs = ['content/notes', 'test/fixtures'];
    let diagrams = 0;
    const problems: string[] = [];
    for (const dir of dirs)
      for (const file of readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => /\.mdx?$/.test(f)))
        for (const fence of findMermaidFences(readFileSync(`${dir}/${file}`, 'utf8'))) {
          diagrams += 1;
          for (const p of lintDiagram(fence.source).problems)
            problems.push(`${file}:${fence.line + p.line}: ${p.message}`);
        }
    expect(diagrams).toBeGreaterThan(20);
    // The one fixture made to have a slip is the only one.
    expect(problems).toEqual([
      expect.stringMatching(/^malformed\/notes\/diagram-slip\/diagram-slip.mdx:17: /),
    ]);
  });
});
