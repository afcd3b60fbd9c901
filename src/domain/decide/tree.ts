/**
 * A mermaid flowchart read as a decision tree, for the decision walker (/decide/). The walker is
 * built from the diagram's own source at build time, so editing the flowchart in the note
 * changes the walk. Questions are nodes with two or more outgoing edges (drawn as rhombi,
 * `Q1{Execution<br/>duration?}`), each edge label is an answer (`-->|"> 15 minutes"|`), leaves
 * are nodes with no outgoing edge. A plain node with a single edge (the start box "New
 * Service") is passed through. Problems come back as errors with the diagram line, never thrown.
 * Pure: a string in, a tree or errors out.
 */
import { plural, slugify } from '../content/text.ts';

export type NodeShape = 'rhombus' | 'box';

export interface FlowNode {
  id: string;
  /** Plain text: quotes, `<br/>`, tags and entities resolved. */
  label: string;
  shape: NodeShape;
  /** 1-based line in the diagram source (line 1 is `flowchart TD`) where it first appears. */
  line: number;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** Plain text, or undefined for an unlabelled edge. */
  label: string | undefined;
  line: number;
}

export interface Flowchart {
  nodes: Map<string, FlowNode>;
  edges: FlowEdge[];
}

export interface TreeError {
  /** 1-based line in the diagram source. */
  line: number;
  message: string;
}

export interface TreeAnswer {
  /** The edge label as the reader sees it, e.g. "> 15 minutes". */
  label: string;
  /** Unique within its question, URL-safe: "gt-15-minutes". */
  slug: string;
  /** The next question or the leaf (pass-through nodes skipped). */
  to: string;
  line: number;
}

export interface TreeQuestion {
  id: string;
  label: string;
  line: number;
  answers: TreeAnswer[];
}

export interface TreeLeaf {
  id: string;
  label: string;
  line: number;
}

export interface DecisionTree {
  /** Label of a pass-through start node ("New Service"), if the diagram has one. */
  context: string | undefined;
  /** The first question (or the only leaf). */
  start: string;
  questions: Record<string, TreeQuestion>;
  leaves: Record<string, TreeLeaf>;
}

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: ' ',
};

/** Mermaid label text → what the reader sees: `"Serverless +<br/>Provisioned"` → `Serverless + Provisioned`. */
export function labelText(raw: string): string {
  let text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/[#&](#?)(\w+);/g, (whole, hash: string, name: string) => {
      // Mermaid writes `#quot;` and `#35;`; HTML writes `&quot;` and `&#35;`.
      const numeric = /^\d+$/.test(name) ? name : hash && /^x[0-9a-f]+$/i.test(name) ? `0${name}` : undefined;
      if (numeric) return String.fromCodePoint(Number(numeric));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL-safe answer id: `> 15 minutes` → `gt-15-minutes`, `Sub-100ms required` → `sub-100ms-required`. */
export function answerSlug(label: string): string {
  // Comparisons and "+" carry meaning in answers ("> 15 minutes" is not "< 15 minutes"): words first.
  const words = label
    .replace(/>=|≥/g, ' gte ')
    .replace(/<=|≤/g, ' lte ')
    .replace(/>/g, ' gt ')
    .replace(/</g, ' lt ')
    .replace(/\+/g, ' plus ');
  return slugify(words) || 'answer';
}

const IGNORED = /^(?:subgraph|end|style|classDef|class|click|linkStyle|direction|accTitle|accDescr)\b/;

// Openers longest first; each with its closer.
const SHAPES: [open: string, close: string][] = [
  ['(((', ')))'],
  ['((', '))'],
  ['([', '])'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['{{', '}}'],
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['>', ']'],
];

// A whole link: -->, --->, ---, ==>, ===, -.->, -.-, --x, --o, <-->, ~~~.
const LINK =
  /^(?:[<xo]?-{2,}[>xo](?=[\s|A-Za-z0-9_"]|$)|-{3,}|[<xo]?={2,}[>xo]|={3,}|[<xo]?-\.+-[>xo]?|~{3,})/;
// The start of a link with its text in the middle: `-- text -->`, `== text ==>`, `-. text .->`.
const LINK_TEXT_OPEN = /^[<xo]?(--|==|-\.)\s/;
const LINK_TEXT_CLOSE: Record<string, RegExp> = {
  '--': /\s(-{2,}[>xo]|-{3,})/,
  '==': /\s(={2,}[>xo]|={3,})/,
  '-.': /\s(\.+-[>xo]?)/,
};

class LineError extends Error {}

/** Splits a line into statements at `;` outside quotes and brackets. */
function statements(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && '[({'.includes(char)) depth++;
    else if (!quoted && '])}'.includes(char)) depth = Math.max(0, depth - 1);
    if (char === ';' && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Reads a mermaid flowchart's nodes and edges. Errors name the diagram line. */
export function parseFlowchart(source: string): { chart: Flowchart; errors: TreeError[] } {
  const chart: Flowchart = { nodes: new Map(), edges: [] };
  const errors: TreeError[] = [];
  const lines = source.split(/\r?\n/);
  const header = lines.findIndex((l) => l.trim() && !l.trim().startsWith('%%'));
  if (
    header < 0 ||
    !/^(?:flowchart|graph)(?:\s+(?:TD|TB|BT|LR|RL))?\s*;?$/i.test(lines[header]?.trim() ?? '')
  ) {
    errors.push({
      line: header + 1 || 1,
      message: `a decision tree must be a mermaid flowchart ("flowchart TD" or "graph TD"); received ${JSON.stringify(lines[header]?.trim() ?? '')}`,
    });
    return { chart, errors };
  }

  lines.forEach((text, index) => {
    const line = index + 1;
    if (index <= header || !text.trim() || text.trim().startsWith('%%')) return;
    for (const statement of statements(text)) {
      if (IGNORED.test(statement)) continue;
      try {
        parseStatement(statement, line, chart);
      } catch (error) {
        errors.push({ line, message: (error as Error).message });
      }
    }
  });
  return { chart, errors };
}

function parseStatement(statement: string, line: number, chart: Flowchart): void {
  let rest = statement;
  const fail = (what: string): never => {
    throw new LineError(
      `cannot read ${JSON.stringify(rest.slice(0, 40) || statement)} as ${what} (the walker reads nodes as id[text], id{text}, id(text) and edges as -->, -->|text| or -- text -->)`,
    );
  };
  const skipSpace = () => {
    rest = rest.replace(/^\s+/, '');
  };

  const node = (): string => {
    skipSpace();
    const id = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/.exec(rest)?.[0];
    if (!id) return fail('a node');
    rest = rest.slice(id.length);
    let label: string | undefined;
    let shape: NodeShape = 'box';
    const opening = SHAPES.find(([open]) => rest.startsWith(open));
    if (opening) {
      const [open, close] = opening;
      rest = rest.slice(open.length);
      let end: number;
      if (rest.startsWith('"')) {
        const quote = rest.indexOf('"', 1);
        if (quote < 0) return fail('a quoted label');
        end = rest.indexOf(close, quote + 1);
      } else end = rest.indexOf(close);
      if (end < 0) return fail(`a node label closed by "${close}"`);
      label = labelText(rest.slice(0, end));
      rest = rest.slice(end + close.length);
      if (open === '{') shape = 'rhombus';
    }
    rest = rest.replace(/^:::[\w-]+/, '');
    const known = chart.nodes.get(id);
    if (!known) chart.nodes.set(id, { id, label: label ?? id, shape, line });
    else if (label !== undefined) Object.assign(known, { label, shape });
    return id;
  };

  const group = (): string[] => {
    const ids = [node()];
    for (;;) {
      skipSpace();
      if (!rest.startsWith('&')) return ids;
      rest = rest.slice(1);
      ids.push(node());
    }
  };

  /** Reads a link and its label; undefined at the end of the statement. */
  const link = (): { label: string | undefined } | undefined => {
    skipSpace();
    if (!rest) return undefined;
    let label: string | undefined;
    const whole = LINK.exec(rest);
    if (whole) {
      rest = rest.slice(whole[0].length);
    } else {
      const open = LINK_TEXT_OPEN.exec(rest);
      if (!open) return fail('an edge');
      const close = LINK_TEXT_CLOSE[open[1] as string]?.exec(rest.slice(open[0].length - 1));
      if (!close) return fail('an edge with text');
      const textEnd = open[0].length - 1 + close.index;
      label = labelText(rest.slice(open[0].length, textEnd));
      rest = rest.slice(textEnd + close[0].length);
    }
    skipSpace();
    if (rest.startsWith('|')) {
      // A quoted label may hold a pipe: `|"a | b"|`.
      const quote = rest.startsWith('|"') ? rest.indexOf('"', 2) : 0;
      const end = rest.indexOf('|', Math.max(1, quote));
      if (end < 0) return fail('an edge label closed by "|"');
      label = labelText(rest.slice(1, end));
      rest = rest.slice(end + 1);
    }
    return { label: label || undefined };
  };

  let from = group();
  for (;;) {
    const edge = link();
    if (!edge) return;
    const to = group();
    for (const a of from) for (const b of to) chart.edges.push({ from: a, to: b, label: edge.label, line });
    from = to;
  }
}

/**
 * The decision tree of a flowchart. Errors (each with its line): more than one start or none,
 * a node the start cannot reach, a cycle, a question with fewer than two answers, an unlabelled
 * or repeated answer.
 */
export function decisionTree(source: string): { tree?: DecisionTree; errors: TreeError[] } {
  const { chart, errors } = parseFlowchart(source);
  if (errors.length) return { errors };
  const { nodes, edges } = chart;
  if (!nodes.size) return { errors: [{ line: 1, message: 'the flowchart has no nodes' }] };
  const out = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, number>();
  for (const edge of edges) {
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
  }
  const starts = [...nodes.values()].filter((n) => !incoming.get(n.id));
  if (starts.length !== 1) {
    return {
      errors: [
        starts.length
          ? {
              line: starts[1]?.line ?? 1,
              message: `a decision tree needs one start; ${starts.length} nodes have no edge into them: ${starts.map((n) => `${n.id} (line ${n.line})`).join(', ')}`,
            }
          : { line: 1, message: 'a decision tree needs one start; every node has an edge into it (a cycle)' },
      ],
    };
  }
  const start = starts[0] as FlowNode;

  // Depth-first from the start: a cycle is an edge back to a node still on the stack.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const edge of out.get(id) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'open')
        errors.push({
          line: edge.line,
          message: `the edge ${edge.from} --> ${edge.to} makes a cycle: a decision tree only goes forward`,
        });
      else if (!seen) visit(edge.to);
    }
    state.set(id, 'done');
  };
  visit(start.id);
  for (const n of nodes.values())
    if (!state.has(n.id))
      errors.push({
        line: n.line,
        message: `node ${n.id} "${n.label}" cannot be reached from the start (${start.id})`,
      });

  const isQuestion = (n: FlowNode) => n.shape === 'rhombus' || (out.get(n.id)?.length ?? 0) > 1;
  for (const n of nodes.values()) {
    if (!isQuestion(n)) continue;
    const answers = out.get(n.id) ?? [];
    if (answers.length < 2)
      errors.push({
        line: n.line,
        message: `question ${n.id} "${n.label}" has ${plural(answers.length, 'answer')}; a question needs at least 2 labelled edges`,
      });
    const labels = new Set<string>();
    for (const edge of answers) {
      if (!edge.label)
        errors.push({
          line: edge.line,
          message: `the edge ${edge.from} --> ${edge.to} leaves question ${n.id} "${n.label}" without a label: write the answer as ${edge.from} -->|answer| ${edge.to}`,
        });
      else if (labels.has(edge.label))
        errors.push({
          line: edge.line,
          message: `question ${n.id} "${n.label}" has the answer "${edge.label}" twice`,
        });
      else labels.add(edge.label);
    }
  }
  if (errors.length) return { errors: errors.sort((a, b) => a.line - b.line) };

  // Pass-through nodes (one edge out, not a question) lead on to the next question or leaf.
  const resolve = (id: string): string => {
    const n = nodes.get(id) as FlowNode;
    const next = out.get(id);
    return !isQuestion(n) && next?.length === 1 ? resolve((next[0] as FlowEdge).to) : id;
  };
  const questions: Record<string, TreeQuestion> = {};
  const leaves: Record<string, TreeLeaf> = {};
  for (const n of nodes.values()) {
    if (isQuestion(n)) {
      const used = new Set<string>();
      questions[n.id] = {
        id: n.id,
        label: n.label,
        line: n.line,
        answers: (out.get(n.id) ?? []).map((edge) => {
          const base = answerSlug(edge.label as string);
          let slug = base;
          for (let k = 2; used.has(slug); k++) slug = `${base}-${k}`;
          used.add(slug);
          return { label: edge.label as string, slug, to: resolve(edge.to), line: edge.line };
        }),
      };
    } else if (!out.get(n.id)?.length) leaves[n.id] = { id: n.id, label: n.label, line: n.line };
  }
  const first = resolve(start.id);
  return {
    tree: { context: first === start.id ? undefined : start.label, start: first, questions, leaves },
    errors: [],
  };
}

export interface TreeStep {
  question: string;
  answer: string;
}

export interface TreePath {
  steps: TreeStep[];
  leaf: string;
}

/** Every root-to-leaf walk, depth first, answers in diagram order (for tests and the no-JS view). */
export function allPaths(tree: DecisionTree): TreePath[] {
  const paths: TreePath[] = [];
  const walk = (id: string, steps: TreeStep[]) => {
    const question = tree.questions[id];
    if (!question) {
      paths.push({ steps, leaf: id });
      return;
    }
    for (const answer of question.answers) walk(answer.to, [...steps, { question: id, answer: answer.slug }]);
  };
  walk(tree.start, []);
  return paths;
}

/**
 * Follows answer slugs from the start as far as they match the tree (a shared link made
 * before the diagram changed may not match all the way). Returns the steps taken, where the
 * walk stands (a question or a leaf) and whether every slug was used.
 */
export function followPath(
  tree: DecisionTree,
  slugs: readonly string[],
): { steps: TreeStep[]; at: string; complete: boolean } {
  const steps: TreeStep[] = [];
  let at = tree.start;
  for (const slug of slugs) {
    const answer = tree.questions[at]?.answers.find((a) => a.slug === slug);
    if (!answer) return { steps, at, complete: false };
    steps.push({ question: at, answer: slug });
    at = answer.to;
  }
  return { steps, at, complete: true };
}
