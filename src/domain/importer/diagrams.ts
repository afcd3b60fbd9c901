/**
 * Repairs for the mermaid breakages raw notes actually contain. Applied only to diagrams that
 * failed to render (a blanket rewrite would, for example, turn `DB[(Database)]` cylinders into
 * rectangles), and the result is rendered again before it is kept.
 */

/** `A[Calculator API<br/>add(2, 3) = 5]` → `A["Calculator API<br/>add(2, 3) = 5"]` */
export function quoteParenthesisedLabels(source: string): string {
  return source.replace(/(\b[\w-]+)\[([^\]"\n]*)\]/g, (match, id: string, label: string) => {
    if (!/[()]/.test(label)) return match;
    // [(cylinder)], [[subroutine]], [/parallelogram/] and friends are shapes, not labels.
    if (/^[([/\\]/.test(label)) return match;
    return `${id}["${label}"]`;
  });
}

/** `-->|Get "apple"|` → `-->|Get #quot;apple#quot;|` (a label that is quoted as a whole stays). */
export function escapeEdgeLabelQuotes(source: string): string {
  return source.replace(/\|([^|\n]*"[^|\n]*)\|/g, (match, label: string) => {
    if (/^\s*"[^"]*"\s*$/.test(label)) return match;
    return `|${label.replace(/"/g, '#quot;')}|`;
  });
}

export interface DiagramRepair {
  source: string;
  applied: string[];
}

export function repairDiagram(source: string): DiagramRepair {
  const applied: string[] = [];
  let result = source;
  const steps: [string, (s: string) => string][] = [
    ['quoted labels containing parentheses', quoteParenthesisedLabels],
    ['escaped quotes inside edge labels', escapeEdgeLabelQuotes],
  ];
  for (const [name, step] of steps) {
    const next = step(result);
    if (next !== result) applied.push(name);
    result = next;
  }
  return { source: result, applied };
}
