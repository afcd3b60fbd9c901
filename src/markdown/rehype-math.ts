/**
 * rehype plugin: `$…$` and `$$…$$` (parsed by remark-math) typeset with KaTeX at build time —
 * no math JavaScript in the browser. KaTeX writes `style="height:…"` attributes for struts,
 * fraction bars and stacked scripts; a strict CSP blocks them and fractions collapse, so each
 * distinct style becomes a class, and those classes go into the site's KaTeX stylesheet
 * (served from `/katex/`, linked only from pages that have math). The MathML that KaTeX writes
 * beside the HTML is what screen readers read.
 *
 * Runs after rehype-figures, so a heading's id is made from the formula's source text.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import katex from 'katex';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const KATEX_DIR = 'katex';
/** Site-relative, like every link the Markdown plugins write. */
export const KATEX_STYLESHEET = `/${KATEX_DIR}/katex.css`;

export interface MathStyles {
  /** The class for one `style` value (registered for the stylesheet). */
  classFor(style: string): string;
  css(): string;
  used(): boolean;
  /** The style of a class given out by `classFor` (a note compiled in an earlier build names its classes). */
  styleOf(name: string): string | undefined;
}

/** The style attributes of every formula of the build, as classes (one rule per distinct style). */
export function createMathStyles(): MathStyles {
  const rules = new Map<string, string>();
  let used = false;
  return {
    classFor(style) {
      used = true;
      const name = `ks-${createHash('sha256').update(style).digest('hex').slice(0, 8)}`;
      rules.set(name, style);
      return name;
    },
    css: () =>
      [...rules]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, style]) => {
          // Inline styles outrank every selector; the class must too.
          const declarations = style
            .split(';')
            .map((d) => d.trim())
            .filter(Boolean)
            .map((d) => `${d}!important`)
            .join(';');
          return `.katex .${name}{${declarations}}`;
        })
        .join('\n'),
    used: () => used || rules.size > 0,
    styleOf: (name) => rules.get(name),
  };
}

export interface RehypeMathOptions {
  styles: MathStyles;
}

const classes = (node: Element): string[] =>
  Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];

function moveStylesToClasses(nodes: ElementContent[], styles: MathStyles): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const style = node.properties.style;
    if (typeof style === 'string' && style.trim()) {
      node.properties.className = [...classes(node), styles.classFor(style.trim())];
      delete node.properties.style;
    }
    moveStylesToClasses(node.children, styles);
  }
}

export function rehypeMath(options: RehypeMathOptions) {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, 'element', (node, index, parent) => {
      const cls = classes(node);
      const inline = cls.includes('math-inline');
      const display = cls.includes('math-display');
      if ((!inline && !display) || !parent || index === undefined) return;
      // Display math arrives as <pre><code class="math-display">: replace the <pre>.
      const scope = display && parent.type === 'element' && parent.tagName === 'pre' ? parent : node;
      const tex = toString(node);
      let html: string;
      try {
        html = katex.renderToString(tex, {
          displayMode: display,
          throwOnError: true,
          output: 'htmlAndMathml',
          // LaTeX that KaTeX accepts but LaTeX would not (a Unicode letter in math mode): fine.
          strict: 'ignore',
          trust: false,
        });
      } catch (error) {
        const reason = (error as Error).message.replace(/^KaTeX parse error: /, '');
        file.fail(
          `math does not parse: ${reason} in $${tex}$`,
          node.position ?? scope.position,
          'tradeoffs:math',
        );
      }
      const content = fromHtml(html, { fragment: true }).children as ElementContent[];
      moveStylesToClasses(content, options.styles);
      found = true;
      if (scope === node) {
        parent.children.splice(index, 1, ...content);
        return [SKIP, index + content.length];
      }
      // The <pre> is the child of the grandparent: swap it in place.
      scope.tagName = 'div';
      // A wide formula scrolls inside its box on a phone; a keyboard must be able to scroll it too.
      scope.properties = { className: ['math-block'], tabIndex: 0, role: 'group', ariaLabel: 'Formula' };
      scope.children = content;
      return SKIP;
    });
    if (found) {
      tree.children.unshift({
        type: 'element',
        tagName: 'link',
        properties: { rel: ['stylesheet'], href: KATEX_STYLESHEET },
        children: [],
      });
    }
  };
}
