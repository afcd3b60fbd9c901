/**
 * Generated practice: fair questions from a note's own contrasts, deterministic, no answer in
 * the prompt, distinct distractors; and the checks that stop the build on bad input.
 */
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/gate.ts';
import {
  MIN_QUESTIONS,
  checkPractice,
  generatePractice,
  practiceId,
  practiceQuiz,
} from '../../../src/domain/quiz/practice.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';

const body = `## Comparison

| Aspect | Stateful | Stateless |
|--------|----------|-----------|
| **Scaling** | Complex (session affinity) | Simple (any instance) |
| **Load balancing** | Sticky sessions required | Round-robin works |
| **Deployment** | Drain sessions first | Replace anytime |
| **Memory usage** | Higher (holds state) | Lower |

## Models

| Model | Control | Complexity | Use Case |
|-------|---------|------------|----------|
| **VMs** | Full | High | Legacy, specific OS needs |
| **Containers** | Application-level | Medium | Microservices, portability |
| **PaaS** | Minimal | Low | Rapid development, small teams |

## Patterns

| Dimension | Serverless | Microservices | Monolith |
|-----------|-----------|--------------|----------|
| Deployment unit | Single function | Service | Entire application |
| Scaling granularity | Per function | Per service | Entire application |
| State management | External only | Per service | In-process |

## Components

1. **Function**: A small, single-purpose unit of code that handles one type of event.
2. **API Gateway**: Routes HTTP requests to functions and handles authentication.
3. **Orchestrator**: A workflow engine that coordinates multi-step function executions.
4. **Managed Services**: Backend services provided and operated by the cloud platform.

## When to Use

- **Event-driven workloads** triggered by uploads.
- **Scheduled jobs** that run periodically.

## When NOT to Use

- **Long-running processes** that exceed time limits.
- **Low-latency requirements** where cold starts hurt.
`;
const note = { slug: 'fixture-note', title: 'Fixture note', body, tags: ['stateless'] };
const result = practiceQuiz(note);
const quiz = result.quiz as Quiz;

describe('practiceQuiz', () => {
  it('makes single-choice and matching questions from tables, definitions and sibling lists', () => {
    expect(quiz.id).toBe(practiceId('fixture-note'));
    const types = new Set(quiz.questions.map((q) => q.type));
    expect(types).toEqual(new Set(['single', 'match']));
    const prompts = quiz.questions.map((q) => q.prompt).join('\n');
    expect(prompts).toMatch(/table under \*\*Comparison\*\*/);
    expect(prompts).toMatch(/which term does the note define/);
    expect(prompts).toMatch(/\*\*When to Use\*\* and \*\*When NOT to Use\*\*/);
    for (const q of quiz.questions)
      expect(q.source).toMatch(/^fixture-note#(comparison|models|patterns|components|when-to-use)$/);
  });
  it('is deterministic: the same note gives the same quiz, option order included', () => {
    const again = generatePractice({ ...note });
    expect(again.quiz).not.toBe(quiz);
    expect(again.quiz).toEqual(quiz);
    expect(practiceQuiz(note).quiz).toBe(quiz); // remembered within a build
  });
  it('does not always put the right option first', () => {
    const positions = quiz.questions.flatMap((q) =>
      q.type === 'single' ? [q.options.findIndex((o) => o.correct)] : [],
    );
    expect(new Set(positions).size).toBeGreaterThan(1);
  });
  it('gives every single-choice question one right answer and distinct options, each explained', () => {
    for (const q of quiz.questions) {
      if (q.type !== 'single') continue;
      expect(q.options.filter((o) => o.correct)).toHaveLength(1);
      const texts = q.options.map((o) => o.text.toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
      expect(q.options.length).toBeGreaterThanOrEqual(3);
      for (const o of q.options) expect(o.explanation.length).toBeGreaterThan(10);
    }
  });
  it('never puts the answer in the prompt (definitions are masked)', () => {
    for (const q of quiz.questions) {
      if (q.type !== 'single') continue;
      const right = (q.options.find((o) => o.correct)?.text ?? '').toLowerCase();
      expect(q.prompt.toLowerCase()).not.toContain(right);
    }
  });
  it('leaves out statements that name their side in a matching question', () => {
    const match = quiz.questions.find((q) => q.type === 'match' && q.source === 'fixture-note#comparison');
    expect(match?.type === 'match' && match.pairs.map((p) => p.left).join(' ')).not.toMatch(/holds state/);
  });
  it('passes its own fairness check', () => {
    expect(checkPractice([result], [])).toEqual([]);
  });
  it('gives a note without enough material no quiz, and says why', () => {
    const thin = practiceQuiz({
      slug: 'thin',
      title: 'Thin',
      body: '## Only prose\n\nNothing to compare here.\n',
    });
    expect(thin.quiz).toBeUndefined();
    expect(thin.skipped).toMatch(
      new RegExp(`not enough material: 0 question\\(s\\).*needs ${MIN_QUESTIONS}`),
    );
  });
});

describe('checkPractice', () => {
  it('reports a generated question with two right answers, naming the file, question and field', () => {
    const single = quiz.questions.find((q) => q.type === 'single' && q.source === 'fixture-note#models');
    if (single?.type !== 'single') throw new Error('no single question');
    const wrong = single.options.findIndex((o) => !o.correct);
    const broken = {
      ...result,
      file: 'content/notes/fixture-note.mdx',
      generated: [{ question: single, truths: [single.options[wrong]?.text ?? ''] }],
    };
    expect(checkPractice([broken], []).map(formatContentError)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^content/notes/fixture-note\\.mdx: practice question "${single.id}": field "options\\.${wrong}\\.text": two right answers: `,
        ),
      ),
    ]);
  });
  it('reports an answer in the prompt', () => {
    const single = quiz.questions.find((q) => q.type === 'single');
    if (single?.type !== 'single') throw new Error('no single question');
    const right = single.options.find((o) => o.correct)?.text ?? '';
    const leaky = { ...single, prompt: `${single.prompt} (hint: ${right})` };
    const errors = checkPractice([{ ...result, generated: [{ question: leaky, truths: [right] }] }], []);
    expect(errors.map((e) => e.field)).toContain('prompt');
  });
  it('reports a hand-written question that repeats a generated one, and a hand quiz taking the practice id', () => {
    const twin = quiz.questions[0] as Quiz['questions'][number];
    const hand: Quiz = { ...quiz, id: practiceId('fixture-note'), questions: [{ ...twin, id: 'mine' }] };
    const lineOf = (path: (string | number)[]) => (path[0] === 'id' ? 2 : 9);
    const messages = checkPractice([result], [{ file: 'quizzes/mine.yaml', quiz: hand, lineOf }]).map(
      formatContentError,
    );
    expect(messages).toContain(
      `quizzes/mine.yaml:2: field "id": "${practiceId('fixture-note')}" is the id of the practice quiz generated from content/notes/fixture-note.mdx; choose another id`,
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^quizzes/mine\\.yaml:9: question "mine": field "questions\\.0": duplicates the generated practice question "${twin.id}"`,
        ),
      ),
    );
  });
});

describe('checkPractice on single-choice questions', () => {
  const single = quiz.questions.find((q) => q.type === 'single');
  if (single?.type !== 'single') throw new Error('no single question');
  it('reports an option that appears twice', () => {
    const twice = { ...single, options: [...single.options, { ...single.options[1]!, id: 'z' }] };
    const errors = checkPractice([{ ...result, generated: [{ question: twice, truths: [] }] }], []);
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^option “.+” appears twice$/));
  });
  it('reports a hand-written question with the same options and answer under another prompt', () => {
    const mine = { ...single, id: 'mine', prompt: 'Reworded, but the same choice?' };
    const errors = checkPractice(
      [result],
      [{ file: 'quizzes/mine.yaml', quiz: { ...quiz, id: 'mine', questions: [mine] } }],
    );
    expect(errors.map((e) => [e.file, e.item, e.field])).toEqual([
      ['quizzes/mine.yaml', 'question "mine"', 'questions.0'],
    ]);
  });
});

describe('checkPractice on matching questions', () => {
  it('reports a hand-written matching question on the section a generated one sorts, with file, line, id and field', () => {
    const generated = quiz.questions.find(
      (q) => q.type === 'match' && q.source === 'fixture-note#when-to-use',
    );
    if (generated?.type !== 'match') throw new Error('no generated match');
    const mine: Quiz['questions'][number] = {
      type: 'match',
      id: 'workload-fit',
      points: 2,
      topic: 'decision',
      source: 'fixture-note#when-to-use',
      prompt: 'Serverless or servers?',
      pairs: [
        { id: 'a', left: 'Uploads', right: 'Serverless' },
        { id: 'b', left: 'Long jobs', right: 'Servers' },
      ],
      explanation: 'From the lists.',
    };
    const hand: Quiz = { ...quiz, id: 'mine', questions: [mine] };
    const messages = checkPractice(
      [result],
      [{ file: 'quizzes/mine.yaml', quiz: hand, lineOf: () => 14 }],
    ).map(formatContentError);
    expect(messages).toEqual([
      `quizzes/mine.yaml:14: question "workload-fit": field "questions.0": duplicates the generated practice question "${generated.id}" (fixture-note#when-to-use); ask something else or delete it`,
    ]);
  });
});

describe('the five real notes', async () => {
  const content = await gateContent();
  it('stop the build on a hand-written quiz file that copies a generated question: file, line, id and field', async () => {
    const { mkdtempSync, writeFileSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { stringify } = await import('yaml');
    const copied = content.practice
      .flatMap((p) => p.quiz?.questions ?? [])
      .find((q) => q.type === 'single' && q.id.startsWith('cell-'));
    if (copied?.type !== 'single') throw new Error('no generated cell question');
    const dir = mkdtempSync(join(tmpdir(), 'practice-twin-'));
    cpSync('quizzes', dir, { recursive: true });
    const mine = {
      id: 'copied',
      title: 'Copied',
      summary: 'A hand-written quiz repeating a generated question.',
      tags: ['practice'],
      notes: [copied.source.split('#')[0]],
      minutes: 2,
      questions: [
        {
          ...copied,
          id: 'my-cell',
          prompt: 'Reworded, but the same choice?',
          options: copied.options.map(({ fixed: _fixed, ...o }) => ({
            ...o,
            text: o.text.replace(/\\/g, ''),
          })),
        },
      ],
    };
    writeFileSync(join(dir, 'copied.yaml'), stringify(mine));
    const gated = await gateContent(process.cwd(), {
      quizzes: dir,
      cards: 'content/cards',
      compare: 'content/compare',
      decide: 'content/decide',
    });
    expect(gated.errors.map(formatContentError)).toEqual([
      expect.stringMatching(
        new RegExp(
          `copied\\.yaml:\\d+: question "my-cell": field "questions\\.0": duplicates the generated practice question "${copied.id}"`,
        ),
      ),
    ]);
  });
  it('each gets a practice quiz that passes the gate', () => {
    expect(content.practice.map((p) => [p.note, p.quiz?.questions.length ?? p.skipped])).toEqual([
      // Fewer than before the careful-candidate rules (59): no two-sided cell questions, no disputed
      // claims, nothing a hand-written match or pick-all already asks.
      ['architecture-paradigms', 5],
      ['serverless-architecture', 7],
      ['stateful-vs-stateless-architecture', 2],
      ['stateless-vs-stateful-architecture', 2],
      ['stateless-vs-stateful-systems', expect.stringMatching(/^not enough material: 1 question/)],
    ]);
    expect(content.errors).toEqual([]);
  });
});

describe('rules a careful candidate would otherwise argue with', () => {
  const singles = quiz.questions.flatMap((q) => (q.type === 'single' ? [q] : []));
  it('asks a cell only with wrong options from the same row (two-sided tables get no cell questions)', () => {
    const cells = singles.filter((q) => q.id.startsWith('cell-'));
    expect(cells.length).toBeGreaterThan(0);
    for (const q of cells) {
      // Not #patterns: its matching question shows a cell of every row (the rest would go by elimination).
      expect(q.source).toBe('fixture-note#models');
      for (const o of q.options.filter((x) => !x.correct))
        expect(o.explanation).toMatch(/^That is what the same row says for \*\*/);
    }
    expect(quiz.questions.some((q) => q.type === 'match' && q.source === 'fixture-note#patterns')).toBe(true);
    // One question per row: Control, Complexity, Use Case.
    const rows = cells.map((q) => /— \*(.+)\*\?$/.exec(q.prompt)?.[1]);
    expect(rows.sort()).toEqual(['Complexity', 'Control', 'Use Case']);
  });
  it('leaves out a definition that names its own term, or is too short to be one', () => {
    const own = practiceQuiz({
      slug: 'own',
      title: 'Own',
      body: `## Variations

- **Edge Functions**: Serverless functions deployed to edge locations near users for minimal latency.
- **Serverless Containers**: Container-based execution with serverless scaling and no size limits.
- **Backend-as-a-Service**: Managed services consumed directly from client applications.
- **Function-as-a-Service**: The core model, where individual handlers are triggered by events.

## Where State Lives

1. **Client-side:** JWT tokens, cookies
2. **External cache:** Redis, Memcached
3. **Database:** Session store
4. **URL/Headers:** Request contains everything
`,
    });
    const prompts = own.generated.map((g) => g.question.prompt).join('\n');
    expect(prompts).not.toMatch(/edge locations/); // "edge" names Edge Functions
    expect(prompts).not.toMatch(/Container-based/);
    expect(prompts).not.toMatch(/Session store|Redis, Memcached/);
    expect(prompts).toMatch(/consumed directly from client applications/);
    // Masked as whole words: never "…s".
    expect(prompts).not.toMatch(/…s\b/);
    expect(own.generated.filter((g) => g.question.source === 'own#variations').length).toBeLessThanOrEqual(2);
  });
  it('does not ask a claim the notes dispute, and says what the note adds in a "Note:" remark', () => {
    // The cell asked for a row, and a pair the match shows: disputed, neither is asked again.
    const cell = singles.find((q) => q.source === 'fixture-note#models');
    const match = quiz.questions.find((q) => q.type === 'match' && q.source === 'fixture-note#patterns');
    if (cell?.type !== 'single' || match?.type !== 'match') throw new Error('fixture changed');
    const [option] = /for \*\*(.+?)\*\*/.exec(cell.prompt)?.slice(1) ?? [];
    const pair = match.pairs[0]!;
    const disputed = generatePractice(note, {
      disputed: [
        { source: 'fixture-note#models', option, value: cell.options.find((o) => o.correct)?.text },
        { source: 'fixture-note#patterns', option: pair.right, value: pair.left.split(': ')[1] },
      ],
    });
    const again = disputed.generated.map((g) => g.question);
    expect(again.some((q) => q.prompt === cell.prompt)).toBe(false);
    expect(again.flatMap((q) => (q.type === 'match' ? q.pairs.map((p) => p.left) : []))).not.toContain(
      pair.left,
    );
    // A quoted disagreement: that definition is neither asked nor offered as a wrong option.
    const quoted = generatePractice(note, {
      disputed: [{ source: 'fixture-note#components', quote: 'a workflow engine that coordinates' }],
    });
    expect(JSON.stringify(result.generated)).toMatch(/Orchestrator/);
    expect(JSON.stringify(quoted.generated)).not.toMatch(/Orchestrator/);
    const remarked = generatePractice({
      ...note,
      body: note.body.replace(
        '## Components',
        '_Note: a monolith can keep state outside too._\n\n## Components',
      ),
    });
    const patterns = remarked.generated.filter((g) => g.question.source === 'fixture-note#patterns');
    expect(patterns.length).toBeGreaterThan(0);
    for (const { question: q } of patterns) {
      const explained =
        q.type === 'single'
          ? q.options.find((o) => o.correct)?.explanation
          : q.type === 'match'
            ? q.explanation
            : undefined;
      expect(explained).toMatch(/The note adds: a monolith can keep state outside too\.$/);
    }
  });
  it('keeps a short list item whole ("Performance critical + limited scale"), a long one by its bold lead', () => {
    const lists = practiceQuiz({
      slug: 'lists',
      title: 'Lists',
      body: `## Guide

### Choose Stateless When
- Building REST APIs
- Need horizontal scaling

### Choose Stateful When
- WebSocket/real-time connections
- **Performance critical** + limited scale
- **Long-running sessions** that hold a buffer for every viewer while the stream plays on and on
`,
    });
    const match = lists.generated.find((g) => g.question.type === 'match')?.question;
    const lefts = match?.type === 'match' ? match.pairs.map((p) => p.left) : [];
    expect(lefts).toContain('Performance critical + limited scale');
    expect(lefts).toContain('Long-running sessions');
  });
  it('generates nothing for a section a hand-written match or pick-all already practises', () => {
    const at = (source: string) => (g: { question: { source: string } }) => g.question.source === source;
    expect(result.generated.some(at('fixture-note#when-to-use'))).toBe(true);
    expect(result.generated.some(at('fixture-note#patterns'))).toBe(true);
    const without = generatePractice(note, {
      hand: [
        // A pick-all on one of the two sibling lists is enough to skip their match.
        { source: 'fixture-note#when-not-to-use', type: 'multiple' },
        { source: 'fixture-note#patterns', type: 'match' },
        // A single-choice question on a section does not sort its items: generation goes on.
        { source: 'fixture-note#components', type: 'single' },
      ],
    });
    expect(without.generated.some(at('fixture-note#when-to-use'))).toBe(false);
    expect(without.generated.some(at('fixture-note#patterns'))).toBe(false);
    expect(without.generated.some(at('fixture-note#components'))).toBe(true);
  });
});

describe('other table shapes and lists', () => {
  const other = practiceQuiz({
    slug: 'shapes',
    title: 'Shapes',
    body: `## Deployment Models

| Model | Control | Complexity | Use Case |
|-------|---------|------------|----------|
| **VMs** | Full | High | Legacy, specific OS needs |
| **Containers** | Application-level | Medium | Microservices, portability |
| **PaaS** | Minimal | Low | Rapid development, small teams |

## When to Mix

| Use Serverless For | Use Traditional For |
|--------------------|--------------------|
| Event-driven processing | Long-running processes |
| Variable/spiky workloads | Steady high throughput |
| Cron jobs, scheduled tasks | WebSocket connections |

## Stateless

### Pros
- Easy to scale horizontally
- No sticky session needed

### Cons
- Need external storage
- Network overhead

### Where State Lives
- Client-side
`,
  });
  const quiz = other.quiz as Quiz;
  it('asks entity-table cells, sorts a category table, and matches Pros to Cons (not to unrelated lists)', () => {
    const prompts = quiz.questions.map((q) => q.prompt).join('\n');
    expect(prompts).toMatch(/what does the note give for \*\*(VMs|Containers|PaaS)\*\*/);
    // One per row: Control, Complexity, Use Case.
    expect(quiz.questions.filter((q) => q.source === 'shapes#deployment-models')).toHaveLength(3);
    expect(prompts).toMatch(/sorts cases into columns/);
    expect(prompts).toMatch(/\*\*Pros\*\* and \*\*Cons\*\*\. Match/);
    expect(prompts).not.toMatch(/Where State Lives\*\* and/);
    const mix = quiz.questions.find((q) => q.source === 'shapes#when-to-mix');
    expect(mix?.type === 'match' && new Set(mix.pairs.map((p) => p.right))).toEqual(
      new Set(['Serverless', 'Traditional']),
    );
    expect(checkPractice([other], [])).toEqual([]);
  });
});

describe('practiceSummary', () => {
  it('counts generated quizzes and questions and names notes left without one', async () => {
    const { practiceSummary } = await import('../../../src/domain/quiz/practice.ts');
    type Result = Parameters<typeof practiceSummary>[0][number];
    const made = { note: 'a', generated: [], quiz: { questions: [{}, {}] } } as unknown as Result;
    const none = { note: 'b', generated: [], skipped: 'not enough material' } as unknown as Result;
    expect(practiceSummary([made, none])).toBe(
      '1 generated quiz, 2 questions; b: none (not enough material)',
    );
  });
});
