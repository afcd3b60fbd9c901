/**
 * Prose lines of an imported note made safe for MDX without changing what the author wrote
 * where it matters: Obsidian syntax (`[[links]]`, `==marks==`, `%%comments%%`, callouts,
 * `#tags`) passes through for the build's remark plugins; math (`$…$`, `$$…$$`) and code
 * spans are never escaped (a `\{` inside TeX would change the formula); a safe subset of raw
 * HTML stays HTML; `<script>` and friends, event handlers and `javascript:` URLs are removed
 * and reported; everything else MDX would read as JSX or an expression (`{`, `}`, a `<` that
 * starts no allowed tag) is escaped so the note compiles.
 *
 * Inline math follows Obsidian and Pandoc: `$` + non-space … non-space + `$`, the closing `$`
 * not followed by a digit, so "$5 and $10" stays money (and is left exactly as written, since
 * remark-math reads it as a pair before the build's guard turns it back into text).
 */

/** Kept as HTML (the sanitiser at build time keeps the same subset). */
const KEEP = new Set(
  'a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th thead tr u ul var wbr'.split(
    ' ',
  ),
);
/** Removed with everything inside them: they run code, load other pages, or take input. */
const DROP = new Set(
  'script style iframe frame frameset object embed applet form input button textarea select option link meta base noscript template svg math'.split(
    ' ',
  ),
);
/** Presentational wrappers from web pages: the tag goes, its text stays. */
const UNWRAP = new Set(
  'font center big tt strike nobr section article header footer main nav aside label'.split(' '),
);
const VOID = new Set(['br', 'hr', 'img', 'col', 'wbr']);
const ATTRIBUTES = new Set(
  'alt align class colspan dir height href id lang name open reversed rowspan scope span src start title type width'.split(
    ' ',
  ),
);

export interface ProseState {
  /** Inside a `$$` display-math block. */
  math: boolean;
  /** Inside an HTML comment, converted to an Obsidian `%%comment%%`. */
  comment: boolean;
  /** Inside an element that is being dropped (`script`, `style`, …): its name. */
  drop: string | null;
  /** A local file named by `<img src>` → its link from the imported note (copied), or undefined if missing. */
  asset?: ((src: string) => string | undefined) | undefined;
}

export const proseState = (asset?: (src: string) => string | undefined): ProseState => ({
  math: false,
  comment: false,
  drop: null,
  asset,
});

export interface ProseFindings {
  /** What was removed as unsafe: `<script>`, `onclick`, `javascript: URL`. */
  removed: string[];
  /** TeX of every formula, for the caller to check. */
  math: { tex: string; display: boolean }[];
  /** Local files named by `<img src>` that are not in the source (the image is left out). */
  images: string[];
  changed: boolean;
}

const escapeText = (text: string): string =>
  text
    .replace(/(^|[^\\])([{}])/g, '$1\\$2')
    .replace(/(^|[^\\])([{}])/g, '$1\\$2')
    .replace(/</g, '&lt;');

const quote = (value: string): string => `"${value.replace(/"/g, '&quot;')}"`;

const unquote = (value: string): string => value.replace(/^(["'])([\s\S]*)\1$/, '$2');

/** One allowed tag with its attributes filtered; undefined when the tag must go. */
function cleanTag(
  name: string,
  attrs: string,
  closing: boolean,
  selfClosing: boolean,
  found: ProseFindings,
  state: ProseState,
): string {
  if (closing) return `</${name}>`;
  const kept: string[] = [];
  let image: string | undefined;
  for (const m of attrs.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] === undefined ? undefined : unquote(m[2]);
    if (key.startsWith('on') || key === 'style' || key === 'srcdoc' || key === 'formaction') {
      found.removed.push(`${key} attribute on <${name}>`);
      continue;
    }
    if (
      (key === 'href' || key === 'src') &&
      value !== undefined &&
      /^\s*(javascript|vbscript|data):/i.test(value)
    ) {
      found.removed.push(`${value.trim().split(':')[0]?.toLowerCase()}: URL in <${name} ${key}>`);
      continue;
    }
    if (!ATTRIBUTES.has(key) && !key.startsWith('aria-')) continue;
    if (name === 'img' && key === 'src' && value !== undefined) {
      // The site loads nothing from other hosts; a local image is copied like any other.
      if (/^(https?:)?\/\//i.test(value)) {
        found.removed.push('remote image in <img src> (the site loads nothing from other hosts)');
        return '';
      }
      const local = state.asset ? state.asset(value) : value;
      if (local === undefined) {
        found.images.push(value);
        return '';
      }
      image = local;
      continue;
    }
    kept.push(value === undefined ? key : `${key}=${quote(value)}`);
  }
  // A local <img> becomes a Markdown image, which the build resolves, copies and sizes.
  if (image !== undefined) {
    const alt = /^alt="(.*)"$/.exec(kept.find((k) => k.startsWith('alt=')) ?? '')?.[1] ?? '';
    return `![${alt.replace(/&quot;/g, '"').replace(/[[\]]/g, '')}](${image})`;
  }
  const open = `<${name}${kept.length ? ` ${kept.join(' ')}` : ''}`;
  return VOID.has(name) || selfClosing ? `${open} />` : `${open}>`;
}

const TAG =
  /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/;

/** Index of the next run of exactly `size` unescaped dollars from `from`, or -1. */
function closingDollars(text: string, from: number, size: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] !== '$') continue;
    const run = /^\$+/.exec(text.slice(j))?.[0].length ?? 1;
    if (run === size) return j;
    j += run - 1;
  }
  return -1;
}

/** Escapes one prose line; `state` carries math blocks, comments and dropped elements across lines. */
export function escapeProse(line: string, state: ProseState, found: ProseFindings): string {
  if (state.math) {
    const closes = /\$\$\s*$/.test(line);
    const part = line.replace(/\$\$\s*$/, '').replace(/^\s*(?:>\s?)*/, '');
    const last = found.math.at(-1);
    if (last && part.trim()) last.tex += `${last.tex ? '\n' : ''}${part}`;
    if (closes) state.math = false;
    return line;
  }
  const display = /^(\s*(?:>\s*)*)\$\$(.*)$/.exec(line);
  if (display && !state.comment && !state.drop) {
    const rest = display[2] ?? '';
    const close = rest.indexOf('$$');
    if (close >= 0) found.math.push({ tex: rest.slice(0, close), display: true });
    else {
      state.math = true;
      found.math.push({ tex: rest, display: true });
    }
    return line;
  }
  let out = '';
  let i = 0;
  const text = line;
  let pending = '';
  const flush = () => {
    out += escapeText(pending);
    pending = '';
  };
  while (i < text.length) {
    const rest = text.slice(i);
    if (state.drop) {
      const end = new RegExp(`</${state.drop}\\s*>`, 'i').exec(rest);
      if (!end) return (out + escapeText(pending)).trimEnd();
      i += end.index + end[0].length;
      state.drop = null;
      continue;
    }
    if (state.comment) {
      const end = rest.indexOf('-->');
      const body = end < 0 ? rest : rest.slice(0, end);
      pending += body.replace(/%%/g, '%');
      if (end < 0) {
        flush();
        return out;
      }
      pending += '%%';
      state.comment = false;
      i += end + 3;
      continue;
    }
    const ch = text[i];
    if (ch === '`') {
      const run = /^`+/.exec(rest)?.[0] ?? '`';
      const close = text.indexOf(run, i + run.length);
      if (close > 0) {
        flush();
        out += text.slice(i, close + run.length);
        i = close + run.length;
        continue;
      }
    }
    if (ch === '$' && text[i - 1] !== '\\') {
      // remark-math pairs any two dollars, and the build puts prices back as text; so nothing
      // between a pair is escaped (it is math to MDX), and only Obsidian-style formulas are checked.
      const run = /^\$+/.exec(rest)?.[0] ?? '$';
      const close = closingDollars(text, i + run.length, run.length);
      if (close > 0) {
        flush();
        const inner = text.slice(i + run.length, close);
        const formula =
          run.length > 1 ||
          (/^\S/.test(inner) && /\S$/.test(inner) && !/\d/.test(text[close + run.length] ?? ''));
        if (formula && inner.trim()) found.math.push({ tex: inner, display: run.length > 1 });
        out += text.slice(i, close + run.length);
        i = close + run.length;
        continue;
      }
    }
    if (ch === '[' && text[i + 1] === '[') {
      const close = text.indexOf(']]', i + 2);
      if (close > 0) {
        flush();
        out += text.slice(i, close + 2);
        i = close + 2;
        continue;
      }
    }
    if (ch === '<') {
      if (rest.startsWith('<!--')) {
        flush();
        state.comment = true;
        pending = '%%';
        i += 4;
        found.changed = true;
        continue;
      }
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(rest);
      if (auto) {
        flush();
        out += auto[1];
        i += auto[0].length;
        continue;
      }
      const tag = TAG.exec(rest);
      const name = tag?.[2]?.toLowerCase();
      if (tag && name) {
        if (DROP.has(name)) {
          flush();
          if (!tag[1]) found.removed.push(`<${name}>`);
          i += tag[0].length;
          if (!tag[1] && !tag[4] && !VOID.has(name)) state.drop = name;
          continue;
        }
        if (UNWRAP.has(name)) {
          flush();
          i += tag[0].length;
          found.changed = true;
          continue;
        }
        if (KEEP.has(name)) {
          flush();
          out += cleanTag(name, tag[3] ?? '', tag[1] === '/', tag[4] === '/', found, state);
          i += tag[0].length;
          continue;
        }
      }
    }
    pending += ch;
    i += 1;
  }
  flush();
  // A line starting with import/export would be read as an ES module statement.
  return out.replace(
    /^(import|export)(\s)/,
    (_, word: string, space: string) => `&#${word.charCodeAt(0)};${word.slice(1)}${space}`,
  );
}

/** A single line on its own (no math block or comment around it): for callers outside a note. */
export function escapeLine(line: string): { text: string; findings: ProseFindings } {
  const findings: ProseFindings = { removed: [], math: [], images: [], changed: false };
  const text = escapeProse(line, proseState(), findings);
  findings.changed ||= text !== line;
  return { text, findings };
}
