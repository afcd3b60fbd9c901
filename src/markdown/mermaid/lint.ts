/**
 * Diagram lint: mermaid diagrams that parse but draw something other than what the author
 * meant. Mermaid never complains about these; it quietly draws an extra box or actor:
 * - sequence diagrams: `participant A as Alice` and later `Alice->>B` (the alias used as a name:
 *   a second, undeclared actor "Alice"), or `participant LoadBalancer` and later
 *   `loadbalancer->>X` (a name differing only by case, spaces, `_` or `-`);
 * - flowcharts: `C[Cache]` and later `Cache --> D` (the label used as an id: a second box
 *   "Cache"), or `API[Gateway]` and later `api --> DB` (ids differing only by case or `_`/`-`).
 * When exactly one declared participant or node is meant, the problem carries the repair and
 * `repaired` is the whole corrected source; otherwise it is reported for a human.
 * Pure: source in, problems out (the importer applies repairs, the content gate reports them).
 * `%% lint: off` anywhere in a diagram turns the lint off for that diagram.
 */

export interface DiagramLintProblem {
  /** 1-based line inside the diagram source (the line after the opening fence is 1). */
  line: number;
  message: string;
  /** The intended name when the intent is unambiguous (applied in `repaired`). */
  fix?: { from: string; to: string };
}

export interface DiagramLint {
  /** The source with every unambiguous repair applied; undefined when nothing was repaired. */
  repaired?: string;
  problems: DiagramLintProblem[];
}

/** Names that differ only by case, spaces, `_` or `-` are the same name to a reader. */
const norm = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripQuotes = (text: string) =>
  text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

interface Use {
  name: string;
  line: number;
}

/** Which declared name an undeclared one most likely means: one candidate, or none. */
function intended(
  name: string,
  declared: ReadonlyMap<string, string | undefined>,
): { to?: string | undefined; candidates: string[] } {
  const byLabel = [...declared].filter(([, label]) => label !== undefined && norm(label) === norm(name));
  const byId = [...declared.keys()].filter((id) => norm(id) === norm(name));
  const candidates = [...new Set([...byId, ...byLabel.map(([id]) => id)])];
  return candidates.length === 1 ? { to: candidates[0], candidates } : { candidates };
}

// ---------------------------------------------------------------------------------------------
// Sequence diagrams

const PARTICIPANT = /^\s*(?:create\s+)?(participant|actor)\s+(.+?)(?:\s+as\s+(.+?))?\s*$/i;
const MESSAGE =
  /^(\s*)([^\s:+\-<>][^:<>]*?)\s*(<<-{1,2}>>|-{1,2}>>|-{1,2}>|-{1,2}x|-{1,2}\))\s*([+-]?)\s*([^:]+?)\s*(:.*)?$/;
const NOTE = /^(\s*note\s+(?:over|left of|right of)\s+)([^:]+?)(\s*:.*)$/i;
const ACTIVATION = /^(\s*(?:activate|deactivate|destroy)\s+)(.+?)\s*$/i;

function lintSequence(lines: string[]): DiagramLint {
  const declared = new Map<string, string | undefined>();
  const uses: Use[] = [];
  lines.forEach((text, i) => {
    const p = PARTICIPANT.exec(text);
    if (p) {
      declared.set(stripQuotes(p[2] ?? ''), p[3] === undefined ? undefined : stripQuotes(p[3]));
      return;
    }
    const m = MESSAGE.exec(text);
    if (m) {
      uses.push({ name: (m[2] ?? '').trim(), line: i + 1 }, { name: (m[5] ?? '').trim(), line: i + 1 });
      return;
    }
    const n = NOTE.exec(text);
    if (n) for (const name of (n[2] ?? '').split(',')) uses.push({ name: name.trim(), line: i + 1 });
    const a = ACTIVATION.exec(text);
    if (a) uses.push({ name: (a[2] ?? '').trim(), line: i + 1 });
  });
  const problems: DiagramLintProblem[] = [];
  const fixes = new Map<string, string>();
  const reported = new Set<string>();
  const undeclared = new Map<string, string>(); // norm → first spelling
  for (const use of uses) {
    if (!use.name || declared.has(use.name)) continue;
    const { to, candidates } = intended(use.name, declared);
    if (to) {
      if (!reported.has(use.name)) {
        const label = declared.get(to);
        problems.push({
          line: use.line,
          message:
            label !== undefined && norm(label) === norm(use.name)
              ? `"${use.name}" is the display name of participant "${to}", so mermaid draws a second actor "${use.name}": write "${to}"`
              : `"${use.name}" differs from participant "${to}" only by case or spacing, so mermaid draws a second actor: write "${to}"`,
          fix: { from: use.name, to },
        });
        reported.add(use.name);
      }
      fixes.set(use.name, to);
      continue;
    }
    if (candidates.length > 1 && !reported.has(use.name)) {
      problems.push({
        line: use.line,
        message: `"${use.name}" is not declared and could mean ${candidates.map((c) => `"${c}"`).join(' or ')}: mermaid draws it as another actor; name one of them`,
      });
      reported.add(use.name);
      continue;
    }
    const first = undeclared.get(norm(use.name));
    if (first === undefined) undeclared.set(norm(use.name), use.name);
    else if (first !== use.name && !reported.has(use.name)) {
      problems.push({
        line: use.line,
        message: `"${use.name}" and "${first}" differ only by case or spacing, so mermaid draws two actors: write one name (or declare it with \`participant\`)`,
      });
      reported.add(use.name);
    }
  }
  if (!fixes.size) return { problems };
  const rename = (name: string) => {
    const trimmed = name.trim();
    const to = fixes.get(trimmed);
    return to === undefined ? name : name.replace(trimmed, to);
  };
  const repaired = lines.map((text) => {
    if (PARTICIPANT.test(text)) return text;
    const m = MESSAGE.exec(text);
    if (m) {
      const [, indent = '', from = '', arrow = '', act = '', to = '', rest = ''] = m;
      return `${indent}${rename(from)}${arrow}${act}${rename(to)}${rest}`;
    }
    const n = NOTE.exec(text);
    if (n) return `${n[1]}${(n[2] ?? '').split(',').map(rename).join(',')}${n[3]}`;
    const a = ACTIVATION.exec(text);
    if (a) return `${a[1]}${rename(a[2] ?? '')}`;
    return text;
  });
  return { repaired: repaired.join('\n'), problems };
}

// ---------------------------------------------------------------------------------------------
// Flowcharts

const FLOW_SKIP =
  /^\s*(?:%%|style\b|classDef\b|class\b|click\b|linkStyle\b|direction\b|accTitle\b|accDescr\b|end\s*$)/;
/** A node with a shape: id, then one of mermaid's brackets around the label. */
const SHAPED =
  /([A-Za-z0-9_]+(?:-(?![-.>ox])[A-Za-z0-9_]+)*)\s*(\(\(\(|\)\)\)|\(\(|\[\[|\[\(|\(\[|\[\/|\[\\|\{\{|\(|\[|\{|>)("[^"]*"|[^\]})"]*?)(\)\)\)|\)\)|\]\]|\)\]|\]\)|\/\]|\\\]|\}\}|\)|\]|\})/g;
const ID = /^[A-Za-z0-9_]+(?:-(?![-.>ox])[A-Za-z0-9_]+)*$/;
/** Edge operators, edge labels (`|…|`, `-- text -->`) and `&`: what separates node references. */
const EDGE_LABEL = /\|[^|]*\||(?:--|==|-\.)\s+[^|>]*?\s+(?=-->|==>|\.->|---|===)/g;
const SEPARATOR = /\s*(?:<?(?:-{2,}|={2,}|-\.+-?|~{3,})[>ox]?|&|;|:::[\w-]+)\s*/;

function lintFlowchart(lines: string[]): DiagramLint {
  const declared = new Map<string, string | undefined>();
  const bare: Use[] = [];
  const masked = lines.map((text) => {
    if (/^\s*(?:flowchart|graph)\b/.test(text) || FLOW_SKIP.test(text)) return undefined;
    const sub = /^\s*subgraph\s+([A-Za-z0-9_-]+)(?:\s*\[(.*)\])?/.exec(text);
    if (sub) {
      declared.set(sub[1] ?? '', sub[2] === undefined ? undefined : stripQuotes(sub[2]));
      return undefined;
    }
    let rest = text.replace(EDGE_LABEL, ' --- ');
    rest = rest.replace(SHAPED, (_m, id: string, _open: string, label: string) => {
      if (!declared.has(id) || declared.get(id) === undefined) declared.set(id, stripQuotes(label));
      return ` ${id} `;
    });
    return rest;
  });
  masked.forEach((rest, i) => {
    if (rest === undefined) return;
    for (const part of rest.split(SEPARATOR)) {
      const name = part.trim();
      if (ID.test(name)) bare.push({ name, line: i + 1 });
    }
  });
  for (const use of bare) if (!declared.has(use.name)) declared.set(use.name, undefined);
  // A name is suspect if it never has a shape (a label) of its own and another node is meant.
  const labelled = new Map([...declared].filter(([, label]) => label !== undefined));
  const problems: DiagramLintProblem[] = [];
  const fixes = new Map<string, string>();
  const seen = new Set<string>();
  for (const use of bare) {
    if (labelled.has(use.name) || seen.has(use.name)) continue;
    seen.add(use.name);
    const others = new Map([...labelled].filter(([id]) => id !== use.name));
    const { to, candidates } = intended(use.name, others);
    if (to) {
      const label = labelled.get(to);
      problems.push({
        line: use.line,
        message:
          norm(to) === norm(use.name)
            ? `node "${use.name}" differs from node "${to}" only by case or "_"/"-", so mermaid draws a second box: write "${to}"`
            : `"${use.name}" is the label of node "${to}" (${to}[${label}]), so mermaid draws a second box "${use.name}": write "${to}"`,
        fix: { from: use.name, to },
      });
      fixes.set(use.name, to);
    } else if (candidates.length > 1) {
      problems.push({
        line: use.line,
        message: `node "${use.name}" could mean ${candidates.map((c) => `"${c}"`).join(' or ')}: mermaid draws it as another box; name one of them`,
      });
    }
  }
  // Bare ids that differ only by case among themselves (no label to decide by).
  const bareIds = [...new Set(bare.map((b) => b.name))].filter((n) => !labelled.has(n) && !fixes.has(n));
  const groups = new Map<string, string[]>();
  for (const id of bareIds) groups.set(norm(id), [...(groups.get(norm(id)) ?? []), id]);
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const line = bare.find((b) => b.name === ids[1])?.line ?? 1;
    problems.push({
      line,
      message: `nodes ${ids.map((id) => `"${id}"`).join(' and ')} differ only by case or "_"/"-", so mermaid draws ${ids.length} boxes: write one id`,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  if (!fixes.size) return { problems };
  const repaired = lines.map((text, i) => {
    if (masked[i] === undefined) return text;
    // Replace whole ids outside labels: labels and quoted strings are set aside first.
    const kept: string[] = [];
    let out = text.replace(
      /"[^"]*"|\|[^|]*\||(\(\(|\[\[|\[\(|\(\[|\{\{|\(|\[|\{)[^\]})]*?(\)\)|\]\]|\)\]|\]\)|\}\}|\)|\]|\})/g,
      (m) => {
        kept.push(m);
        return `\u0000${kept.length - 1}\u0000`;
      },
    );
    for (const [from, to] of fixes)
      out = out.replace(new RegExp(`(?<![\\w-])${escapeRe(from)}(?![\\w]|-(?![-.>ox]))`, 'g'), to);
    return out.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => kept[Number(n)] ?? '');
  });
  return { repaired: repaired.join('\n'), problems };
}

/** Lints one mermaid diagram (sequence diagrams and flowcharts; other kinds pass). */
export function lintDiagram(source: string): DiagramLint {
  if (/%%\s*lint:\s*off/i.test(source)) return { problems: [] };
  const lines = source.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() && !/^\s*%%/.test(l));
  const kind = lines[first]?.trim() ?? '';
  // Front matter and directives (`---` blocks, `%%{init}%%`) come before the diagram's kind.
  if (/^sequenceDiagram\b/.test(kind)) return lintSequence(lines);
  if (/^(?:flowchart|graph)\b/.test(kind)) {
    const result = lintFlowchart(lines.map((l, i) => (i < first ? '%%' : l)));
    return result;
  }
  return { problems: [] };
}
