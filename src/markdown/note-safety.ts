/**
 * Notes are content, never code. A note is compiled as MDX, so without this step its body could
 * `import` Node modules, `export` expressions that run during the build, evaluate `{…}` and
 * write raw HTML such as `<meta http-equiv="refresh">` or `<img onerror>` into the page.
 *
 * This runs on the Markdown tree BEFORE every other remark plugin, so it sees exactly what the
 * author wrote and nothing the site generates (diagram SVGs, figures, callouts, math):
 * - ESM (`import`/`export`), `{…}` expressions, expression attributes and components
 *   (`<Foo />`) are errors: refused, never run. `{/* comments *\/}` are allowed and dropped.
 * - Author HTML (MDX parses it as JSX elements; `.md` notes keep it as `html` nodes) is
 *   sanitised with hast-util-sanitize to a small safe subset; each removal is reported.
 * - Markdown link and image URLs are held to the same protocols (no `javascript:`, images
 *   local or `data:` only).
 * The site's own output never passes through the sanitiser, so its schema does not have to
 * know every class and element mermaid, KaTeX or the callout plugin emits — and a forged
 * `<figure class="diagram">` from an author loses its class like any other author markup.
 * Pure over the tree: the content gate runs it to report, the build runs it to enforce.
 */
import type { Element, Properties, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Html, Image, Link, Definition, Nodes, Parent, Root, RootContent } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';

/**
 * Classes the site's own tools write into notes (the importer's "not included" marks, callouts)
 * and style; any other class is dropped, so author markup cannot pose as site output.
 */
const SITE_CLASS = /^(?:missing-[a-z-]+|callout(?:-[a-z0-9-]+)?)$/;
const siteClass: [string, RegExp] = ['className', SITE_CLASS];

/** Elements an author may write, with the attributes each keeps. */
const ALLOWED: Record<string, (string | [string, ...(string | RegExp)[]])[]> = {
  a: ['href', 'title', siteClass],
  aside: [['role', 'note'], siteClass],
  abbr: ['title'],
  b: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  code: [],
  dd: [],
  del: [],
  details: ['open', siteClass],
  div: [siteClass],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'title', 'width', 'height'],
  ins: [],
  kbd: [],
  li: [],
  mark: [],
  ol: ['start'],
  p: [siteClass],
  pre: [],
  q: [],
  s: [],
  samp: [],
  small: [],
  span: [siteClass],
  strong: [],
  sub: [],
  summary: [siteClass],
  sup: [],
  table: [],
  tbody: [],
  td: ['colSpan', 'rowSpan'],
  tfoot: [],
  th: ['colSpan', 'rowSpan', 'scope'],
  thead: [],
  tr: [],
  u: [],
  ul: [],
  var: [],
};

/** Removed together with their content (the rest are unwrapped: their text stays). */
const STRIP = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'applet',
  'select',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'head',
  'meta',
  'base',
  'link',
];

export const noteHtmlSchema: Schema = {
  ...defaultSchema,
  tagNames: Object.keys(ALLOWED),
  attributes: { ...ALLOWED, '*': ['lang', 'dir', 'id'] },
  // Images only from the site itself (or inline data); links to the web, mail or the site.
  protocols: { href: ['http', 'https', 'mailto'], src: ['data'], cite: ['http', 'https'] },
  required: {},
  strip: STRIP,
  ancestors: {},
};

export interface SafetyProblem {
  /** 1-based line in the tree's own text (the build sees whole files, the gate adds the offset). */
  line: number;
  message: string;
}

export interface SafetyReport {
  /** Code in a note: refused, the build stops. */
  errors: SafetyProblem[];
  /** Unsafe markup that was removed; the note still builds. */
  removals: SafetyProblem[];
}

const HINT = 'escape it as `\\{` or write it in backticks';
const TAG_HINT = 'escape it as `\\<` (or `&lt;`) or write it in backticks';
const COMPONENTS_ALLOWED: readonly string[] = []; // no component is offered to notes (see README)

const lineOf = (node: { position?: { start: { line: number } } | undefined }): number =>
  node.position?.start.line ?? 1;

/** `javascript:`, `vbscript:` … after removing what browsers ignore inside a scheme. */
function scheme(url: string): string | undefined {
  const clean = url.replace(/[\u0000-\u0020]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(clean)?.[1]?.toLowerCase();
}

const safeLink = (url: string): boolean => {
  const s = scheme(url);
  return !s || ['http', 'https', 'mailto'].includes(s);
};

/** Protocol-relative `//host/x.png` has no scheme but is another site all the same. */
const otherHost = (url: string): boolean => /^\s*[\\/]{2}/.test(url);

const safeImage = (url: string): boolean => {
  const s = scheme(url);
  if (otherHost(url)) return false;
  return !s || (s === 'data' && /^data:image\//i.test(url.trim()));
};

const jsxName = (name: string): string =>
  name === 'className' ? 'class' : name === 'htmlFor' ? 'for' : name;

/**
 * Sanitises one element (without its children): what survives, and what was removed.
 * `kept` undefined means the element itself goes (`strip`: with its content).
 */
function sanitizeElement(
  tagName: string,
  attributes: Record<string, string | true>,
): { kept?: Element; strip: boolean; removed: string[] } {
  const el = h(tagName, attributes as Properties);
  const result = sanitize(el, noteHtmlSchema);
  const name = tagName.toLowerCase();
  if (result.type !== 'element') {
    const strip = STRIP.includes(name);
    return {
      strip,
      removed: [`<${name}> (${strip ? 'removed with its content' : 'kept its text'})`],
    };
  }
  // Protocol-relative `//host/x.png` passes the sanitiser's protocol check (it has no scheme).
  if (typeof attributes.src === 'string' && otherHost(attributes.src)) delete result.properties.src;
  const removed: string[] = [];
  for (const [attr, value] of Object.entries(attributes)) {
    const alone = h(tagName, { [attr]: value } as Properties);
    const probe = sanitize(alone, noteHtmlSchema) as Element;
    if (attr === 'src' && typeof value === 'string' && otherHost(value)) delete probe.properties.src;
    // Kept only if kept whole (a class list filtered down to nothing, or to fewer names, counts
    // as removed); `id`/`name` get a prefix against DOM clobbering, which is not a removal.
    const survived = Object.entries(alone.properties).every(([key, v]) => {
      const after = probe.properties?.[key];
      if (key === 'id' || key === 'name') return after !== undefined;
      return JSON.stringify(after) === JSON.stringify(v);
    });
    if (!survived) {
      const why = /^on/i.test(attr)
        ? 'event handlers cannot run in a note'
        : attr === 'src'
          ? 'images must be files of the site (or data:image)'
          : typeof value === 'string' && scheme(value)
            ? `${scheme(value)}: URLs are not allowed here`
            : 'not an allowed attribute';
      removed.push(`attribute "${attr}" of <${name}> (${why})`);
    }
  }
  return { kept: result, strip: false, removed };
}

function jsxAttributes(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  errors: SafetyProblem[],
): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const attr of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (attr.type === 'mdxJsxExpressionAttribute' || (attr.value && typeof attr.value === 'object')) {
      errors.push({
        line: lineOf(attr.position ? attr : node),
        message: `a \`{…}\` value in <${node.name ?? ''}> is JavaScript, and a note cannot run code: write the value in quotes, e.g. width="100"`,
      });
      continue;
    }
    attributes[jsxName(attr.name)] = attr.value ?? true;
  }
  return attributes;
}

/** Sanitises an `html` node of a `.md` note; returns the HTML to keep (maybe empty). */
function sanitizeHtmlNode(value: string, removed: string[]): string {
  const closing = /^<\/([a-z][a-z0-9-]*)\s*>$/i.exec(value.trim());
  if (closing) return ALLOWED[closing[1]?.toLowerCase() ?? ''] ? value : '';
  const tree = fromHtml(value, { fragment: true });
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type === 'comment') continue;
      if (child.type !== 'element') continue;
      const attrs: Record<string, string | true> = {};
      for (const [key, v] of Object.entries(child.properties)) {
        if (v === true) attrs[key] = true;
        else if (v !== false && v !== null && v !== undefined)
          attrs[key] = Array.isArray(v) ? v.join(' ') : String(v);
      }
      const { kept, strip, removed: r } = sanitizeElement(child.tagName, attrs);
      removed.push(...r);
      if (kept || !strip) walk(child);
    }
  };
  walk(tree);
  const html = toHtml(sanitize(tree, noteHtmlSchema) as HastRoot);
  // An opening tag alone (`<kbd>` of `<kbd>x</kbd>`, split by the Markdown parser) stays open.
  const opening = /^<([a-z][a-z0-9-]*)[^>]*>$/i.exec(value.trim());
  return opening ? html.replace(new RegExp(`</${opening[1]}>$`, 'i'), '') : html;
}

type AnyParent = Parent & { children: RootContent[] };

/** Checks and sanitises a note's Markdown tree in place. */
export function noteSafety(tree: Root): SafetyReport {
  const errors: SafetyProblem[] = [];
  const removals: SafetyProblem[] = [];

  const visitChildren = (parent: AnyParent): void => {
    const out: RootContent[] = [];
    for (const child of parent.children) {
      const replaced = visitNode(child as Nodes);
      out.push(...replaced);
    }
    parent.children = out;
  };

  const visitNode = (node: Nodes): RootContent[] => {
    const line = lineOf(node);
    switch (node.type) {
      case 'mdxjsEsm': {
        // One error per statement (two `import` lines in a row are one node).
        const statements = node.data?.estree?.body ?? [];
        const each = statements.length
          ? statements.map((st) => ({
              at: st.loc?.start.line ?? line,
              word: st.type === 'ImportDeclaration' ? 'import' : 'export',
            }))
          : [{ at: line, word: node.value.trim().split(/\s/)[0] ?? 'import' }];
        for (const { at, word } of each)
          errors.push({
            line: at,
            message: `\`${word}\` is code, and a note cannot run code: remove it (to show it, put it in a code block)`,
          });
        return [];
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const estree = node.data?.estree;
        // `{/* a comment */}` is MDX's only comment syntax: nothing runs, nothing is shown.
        if (estree && estree.body.length === 0) return [];
        errors.push({
          line,
          message: `\`{${node.value.length > 30 ? `${node.value.slice(0, 30)}…` : node.value}}\` is a JavaScript expression, and a note cannot run code: ${HINT}`,
        });
        return [];
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name === null) {
          visitChildren(node as AnyParent);
          return node.children as RootContent[];
        }
        if (!/^[a-z][a-z0-9-]*$/.test(name)) {
          if (!COMPONENTS_ALLOWED.includes(name)) {
            errors.push({
              line,
              message: `<${name}> is not HTML a note may use (components are code, and notes cannot use them): ${TAG_HINT}`,
            });
          }
          return [];
        }
        const attributes = jsxAttributes(node, errors);
        const { kept, strip, removed } = sanitizeElement(name, attributes);
        for (const what of removed) removals.push({ line, message: `removed ${what}` });
        // A link whose target was removed reads as plain text, not as a dead link.
        const deadLink = name === 'a' && 'href' in attributes && kept?.properties.href === undefined;
        if (!kept || deadLink) {
          if (strip) return [];
          visitChildren(node as AnyParent);
          return node.children as RootContent[];
        }
        visitChildren(node as AnyParent);
        // An unknown node type with hName: remark-rehype turns it into exactly this element
        // (and not into JSX, which the MDX compiler would hand to the component runtime).
        const html = node as unknown as { type: string; data: Record<string, unknown> };
        html.type = 'noteHtml';
        html.data = { hName: kept.tagName, hProperties: kept.properties };
        return [node];
      }
      case 'html': {
        const removed: string[] = [];
        const value = sanitizeHtmlNode((node as Html).value, removed);
        for (const what of removed) removals.push({ line, message: `removed ${what}` });
        if (!value.trim()) return [];
        (node as Html).value = value;
        return [node];
      }
      case 'link': {
        visitChildren(node as AnyParent);
        if (safeLink((node as Link).url)) return [node];
        removals.push({
          line,
          message: `removed link to a ${scheme((node as Link).url)}: URL (its text is kept)`,
        });
        return node.children as RootContent[];
      }
      case 'image':
        if (safeImage((node as Image).url)) return [node];
        removals.push({
          line,
          message: `removed image ${JSON.stringify((node as Image).url.slice(0, 60))}: images must be files of the site (or data:image)`,
        });
        return [];
      case 'definition':
        if (safeLink((node as Definition).url)) return [node];
        removals.push({
          line,
          message: `removed link definition to a ${scheme((node as Definition).url)}: URL`,
        });
        return [];
      default:
        if ('children' in node) visitChildren(node as AnyParent);
        return [node as RootContent];
    }
  };

  visitChildren(tree as AnyParent);
  return { errors, removals };
}

/**
 * remark plugin (first in the list): enforces the same rules in the build. Code stops the
 * build with file:line; removals are silent here because the content gate, which runs before
 * every build and in `npm run check:content`, already reported them as warnings.
 */
export function remarkNoteSafety() {
  return (tree: Root, file: VFile): void => {
    const { errors } = noteSafety(tree);
    if (errors.length) throw new Error(errors.map((e) => `${file.path}:${e.line}: ${e.message}`).join('\n'));
  };
}
