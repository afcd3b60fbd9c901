import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagramUnder } from '../../../src/domain/decide/gate.ts';
import {
  allPaths,
  answerSlug,
  decisionTree,
  followPath,
  labelText,
  parseFlowchart,
} from '../../../src/domain/decide/tree.ts';

const note = readFileSync('content/notes/architecture-paradigms.mdx', 'utf8');
const real = diagramUnder(note, 'decision-framework');

const errorsOf = (source: string) => decisionTree(source).errors;

describe('the decision framework of seed 000', () => {
  it('is found under its heading and reads as a tree of 4 questions and 5 leaves', () => {
    expect(real?.heading).toBe('Decision Framework');
    expect(real?.index).toBeGreaterThan(1);
    const { tree, errors } = decisionTree(real?.source ?? '');
    expect(errors).toEqual([]);
    expect(tree?.context).toBe('New Service');
    expect(tree?.start).toBe('Q1');
    expect(Object.values(tree?.questions ?? {}).map((q) => q.label)).toEqual([
      'Execution duration?',
      'Traffic pattern?',
      'Latency requirements?',
      'Team expertise?',
    ]);
    expect(Object.values(tree?.leaves ?? {}).map((l) => [l.id, l.label])).toEqual([
      ['Trad1', 'Traditional'],
      ['SL1', 'Serverless'],
      ['SL2', 'Serverless'],
      ['Trad2', 'Traditional'],
      ['SL3', 'Serverless + Provisioned Concurrency'],
    ]);
    expect(tree?.questions.Q1?.answers.map((a) => [a.label, a.slug, a.to])).toEqual([
      ['> 15 minutes', 'gt-15-minutes', 'Trad1'],
      ['< 15 minutes', 'lt-15-minutes', 'Q2'],
    ]);
  });

  it('has five root-to-leaf paths, each followable by its slugs', () => {
    const { tree } = decisionTree(real?.source ?? '');
    if (!tree) throw new Error('no tree');
    const paths = allPaths(tree);
    expect(paths.map((p) => [p.leaf, p.steps.length])).toEqual([
      ['Trad1', 1],
      ['SL1', 2],
      ['SL2', 3],
      ['Trad2', 4],
      ['SL3', 4],
    ]);
    for (const path of paths)
      expect(
        followPath(
          tree,
          path.steps.map((s) => s.answer),
        ),
      ).toEqual({
        steps: path.steps,
        at: path.leaf,
        complete: true,
      });
    expect(followPath(tree, ['lt-15-minutes', 'nope', 'x'])).toEqual({
      steps: [{ question: 'Q1', answer: 'lt-15-minutes' }],
      at: 'Q2',
      complete: false,
    });
  });

  it('is not found under a heading without a diagram, nor past the next heading', () => {
    expect(diagramUnder(note, 'comparison-matrix')).toBeUndefined();
    expect(diagramUnder(note, 'no-such-heading')).toBeUndefined();
    expect(diagramUnder('## A\n\ntext\n\n### B\n\n```mermaid\ngraph TD\n  A-->B\n```\n', 'a')?.heading).toBe(
      'B',
    );
  });
});

describe('labels and slugs', () => {
  it('resolves quotes, line breaks, tags and entities', () => {
    expect(labelText('"Serverless +<br/>Provisioned Concurrency"')).toBe(
      'Serverless + Provisioned Concurrency',
    );
    expect(labelText('Say #quot;hi#quot; &amp; <b>bold</b> #35;1 &#x41; #unknown;')).toBe(
      'Say "hi" & bold #1 A #unknown;',
    );
  });
  it('keeps > and < apart', () => {
    expect(answerSlug('> 15 minutes')).toBe('gt-15-minutes');
    expect(answerSlug('<= 2 GB & +1')).toBe('lte-2-gb-and-plus-1');
    expect(answerSlug('≥ 3')).toBe('gte-3');
    expect(answerSlug('!!!')).toBe('answer');
  });
});

describe('flowchart syntax the walker reads', () => {
  it('reads shapes, chains, &, text-in-link edges, comments, ; and ignored statements', () => {
    const { chart, errors } = parseFlowchart(
      [
        'graph LR',
        '  %% a comment',
        '  A([Start]) --> B{"Pick?"} -- yes --> C((Done))',
        '  B == no ==> D[(Store)]:::hot ; B -. maybe .-> E>Flag]',
        '  subgraph S[Group]',
        '  D & E --- F[[Sub]]',
        '  end',
        '  classDef hot fill:#f00',
        '  style A fill:#fff',
        '  F ~~~ G{{Hex}}',
        '  G --x H[/Para/] --o I[\\Alt\\]',
        '  I -->|"quoted | pipe"| J(((Ring)))',
        '  J <--> K',
        '  K ---> L',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(chart.nodes.get('B')).toMatchObject({ label: 'Pick?', shape: 'rhombus', line: 3 });
    expect(chart.nodes.get('D')?.label).toBe('Store');
    expect(chart.nodes.get('K')?.label).toBe('K');
    const labels = chart.edges.map((e) => `${e.from}>${e.to}:${e.label ?? ''}`);
    expect(labels).toEqual([
      'A>B:',
      'B>C:yes',
      'B>D:no',
      'B>E:maybe',
      'D>F:',
      'E>F:',
      'F>G:',
      'G>H:',
      'H>I:',
      'I>J:quoted | pipe',
      'J>K:',
      'K>L:',
    ]);
  });

  it('a later shaped definition relabels a node', () => {
    const { chart } = parseFlowchart('flowchart TD\n  A --> B\n  B{Now a question}');
    expect(chart.nodes.get('B')).toMatchObject({ label: 'Now a question', shape: 'rhombus', line: 2 });
  });

  it('names the line it cannot read', () => {
    expect(parseFlowchart('flowchart TD\n  A --> B\n  A ?? B').errors).toEqual([
      { line: 3, message: expect.stringMatching(/cannot read "\?\? B" as an edge/) },
    ]);
    expect(parseFlowchart('flowchart TD\n  A["open --> B').errors[0]?.message).toMatch(/a quoted label/);
    expect(parseFlowchart('flowchart TD\n  A[open --> B').errors[0]?.message).toMatch(/closed by "\]"/);
    expect(parseFlowchart('flowchart TD\n  A -->|open B').errors[0]?.message).toMatch(/closed by "\|"/);
    expect(parseFlowchart('flowchart TD\n  A -- open B').errors[0]?.message).toMatch(/an edge with text/);
    expect(parseFlowchart('flowchart TD\n  --> B').errors[0]?.message).toMatch(/as a node/);
  });

  it('refuses what is not a flowchart', () => {
    expect(errorsOf('sequenceDiagram\n  A->>B: hi')).toEqual([
      { line: 1, message: expect.stringMatching(/must be a mermaid flowchart/) },
    ]);
    expect(errorsOf('')[0]?.message).toMatch(/must be a mermaid flowchart .*; received ""$/);
    expect(errorsOf('flowchart TD')).toEqual([{ line: 1, message: 'the flowchart has no nodes' }]);
  });
});

describe('malformed decision trees (each error names its diagram line)', () => {
  it('a cycle', () => {
    expect(
      errorsOf('flowchart TD\n  S --> Q{Q?}\n  Q -->|a| L[Leaf]\n  Q -->|b| R[Back]\n  R --> Q'),
    ).toEqual([{ line: 5, message: 'the edge R --> Q makes a cycle: a decision tree only goes forward' }]);
  });
  it('a cycle with no start at all', () => {
    expect(errorsOf('flowchart TD\n  A --> B\n  B --> A')[0]?.message).toMatch(
      /every node has an edge into it/,
    );
  });
  it('more than one start', () => {
    expect(errorsOf('flowchart TD\n  A --> C\n  B --> C')).toEqual([
      {
        line: 3,
        message: 'a decision tree needs one start; 2 nodes have no edge into them: A (line 2), B (line 3)',
      },
    ]);
  });
  it('a node the start cannot reach (a loop off to the side)', () => {
    const errors = errorsOf(
      'flowchart TD\n  S{Go?} -->|a| L1[One]\n  S -->|b| L2[Two]\n  X --> Y\n  Y --> X',
    );
    expect(errors.map((e) => e.line)).toEqual([4, 4]);
    expect(errors[0]?.message).toMatch(/node X "X" cannot be reached from the start \(S\)/);
  });
  it('an unlabelled answer and a repeated answer', () => {
    expect(errorsOf('flowchart TD\n  Q{Q?} --> A[A]\n  Q -->|x| B[B]\n  Q -->|x| C[C]')).toEqual([
      {
        line: 2,
        message:
          'the edge Q --> A leaves question Q "Q?" without a label: write the answer as Q -->|answer| A',
      },
      { line: 4, message: 'question Q "Q?" has the answer "x" twice' },
    ]);
  });
  it('a question with fewer than two answers', () => {
    expect(errorsOf('flowchart TD\n  S[Start] --> Q{Only one?}\n  Q -->|yes| L[Leaf]')).toEqual([
      { line: 2, message: 'question Q "Only one?" has 1 answer; a question needs at least 2 labelled edges' },
    ]);
    expect(errorsOf('flowchart TD\n  S[Start] --> Q{None?}')[0]?.message).toMatch(/has 0 answers/);
  });
});

describe('trees the walker accepts', () => {
  it('passes through plain steps, joins shared outcomes, numbers repeated slugs', () => {
    const { tree, errors } = decisionTree(
      [
        'flowchart TD',
        '  Q1{First?} -->|A+| Step[Think] --> Q2{Second?}',
        '  Q1 -->|A plus| Q2',
        '  Q2 -->|x| L[Leaf]',
        '  Q2 -->|y| L',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(tree?.context).toBeUndefined();
    expect(tree?.questions.Q1?.answers.map((a) => [a.slug, a.to])).toEqual([
      ['a-plus', 'Q2'],
      ['a-plus-2', 'Q2'],
    ]);
    expect(allPaths(tree!).map((p) => p.steps.map((s) => s.answer).join('/'))).toEqual([
      'a-plus/x',
      'a-plus/y',
      'a-plus-2/x',
      'a-plus-2/y',
    ]);
  });
});
