/** A fenced mermaid block found in a note, with the 1-based line of its opening fence. */
export interface MermaidFence {
  source: string;
  line: number;
}

/**
 * Finds mermaid fences by scanning lines (CommonMark fences: ``` or ~~~, three or more,
 * closed by the same character at least as long). Used before the build so that every
 * diagram of every note renders in one browser session and errors carry exact lines.
 */
export function findMermaidFences(text: string): MermaidFence[] {
  const lines = text.split(/\r?\n/);
  const fences: MermaidFence[] = [];
  let open: { char: string; length: number; mermaid: boolean; line: number; body: string[] } | null = null;
  lines.forEach((line, index) => {
    const match = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (!open) {
      if (match?.[1]) {
        open = {
          char: match[1][0] as string,
          length: match[1].length,
          mermaid: match[2] === 'mermaid',
          line: index + 1,
          body: [],
        };
      }
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close?.[1] && close[1][0] === open.char && close[1].length >= open.length) {
      if (open.mermaid) fences.push({ source: open.body.join('\n'), line: open.line });
      open = null;
      return;
    }
    open.body.push(line);
  });
  return fences;
}

/** Line of the first unclosed fence, if any: an unclosed fence swallows the rest of the note. */
export function findUnclosedFence(text: string): number | null {
  const lines = text.split(/\r?\n/);
  let open: { char: string; length: number; line: number } | null = null;
  lines.forEach((line, index) => {
    if (!open) {
      const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (match?.[1]) open = { char: match[1][0] as string, length: match[1].length, line: index + 1 };
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close?.[1] && close[1][0] === open.char && close[1].length >= open.length) open = null;
  });
  return open ? (open as { line: number }).line : null;
}

/** Mermaid reports "Parse error on line N" relative to the diagram; map it to the file. */
export function diagramErrorLine(fenceLine: number, message: string): number {
  const match = /on line (\d+)/i.exec(message);
  return match?.[1] ? fenceLine + Number(match[1]) : fenceLine;
}
