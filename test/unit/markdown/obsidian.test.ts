import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { indexNote, type LinkIndex } from '../../../src/domain/notes/link-index.ts';
import { rehypeCallouts } from '../../../src/markdown/rehype-callouts.ts';
import { rehypeFigures } from '../../../src/markdown/rehype-figures.ts';
import { createMathStyles, KATEX_STYLESHEET, rehypeMath } from '../../../src/markdown/rehype-math.ts';
import { rehypeTaskLists } from '../../../src/markdown/rehype-task-lists.ts';
import { remarkBlockIds } from '../../../src/markdown/remark-block-ids.ts';
import { remarkComments } from '../../../src/markdown/remark-comments.ts';
import { remarkHighlight } from '../../../src/markdown/remark-highlight.ts';
import { remarkMathGuard } from '../../../src/markdown/remark-math-guard.ts';
import { remarkTags } from '../../../src/markdown/remark-tags.ts';
import { remarkWikiLinks } from '../../../src/markdown/remark-wikilinks.ts';

const NOTES = '/site/content/notes';

const note = (file: string, frontmatter: string, body = '') =>
  indexNote(file, `---\n${frontmatter}\n---\n${body}`) ?? expect.fail(`fixture ${file} does not index`);

const index: LinkIndex = {
  notes: [
    note(
      'Systems/Caching.mdx',
      'title: Caching\nsummary: Keep hot data close.',
      '## Write back\n\nA claim. ^claim\n',
    ),
    note('Systems/Sharding.md', 'title: Sharding\naliases: [Partitioning]', '## Hash partitioning\n'),
    note(
      'Start.mdx',
      'title: Start\nunresolvedLinks: [Gone, "Sharding#Resharding"]',
      '## Practise\n\n## Why [[Caching|cache]]\n',
    ),
  ],
  attachments: ['attachments/cache-layers.png', 'Systems/other.pdf'],
};

async function render(markdown: string, file = 'Start.mdx') {
  const styles = createMathStyles();
  const vfile = new VFile({ path: `${NOTES}/${file}`, value: markdown });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkComments)
    .use(remarkMath)
    .use(remarkMathGuard)
    .use(remarkWikiLinks, { index: () => index, notesDir: NOTES })
    .use(remarkHighlight)
    .use(remarkTags)
    .use(remarkBlockIds)
    .use(remarkRehype)
    .use(rehypeFigures)
    .use(rehypeCallouts)
    .use(rehypeTaskLists)
    .use(rehypeMath, { styles })
    .use(rehypeStringify)
    .process(vfile);
  return { html: String(out), styles };
}

const failure = async (markdown: string, file?: string) => {
  try {
    await render(markdown, file);
  } catch (error) {
    return error as { message: string; line?: number; column?: number; reason?: string };
  }
  return expect.fail('expected the note to fail');
};

describe('remarkWikiLinks', () => {
  it('links notes by name, alias, heading and block, and [[#Heading]] in the same note', async () => {
    const { html } = await render(
      '[[Caching]] [[Partitioning|parts]] [[Sharding#Hash partitioning]] [[Caching#^claim|the claim]] [[#Practise]]',
    );
    expect(html).toContain('<a href="/notes/caching/" class="wikilink">Caching</a>');
    expect(html).toContain('<a href="/notes/sharding/" class="wikilink">parts</a>');
    expect(html).toContain(
      '<a href="/notes/sharding/#hash-partitioning" class="wikilink">Sharding › Hash partitioning</a>',
    );
    expect(html).toContain('<a href="/notes/caching/#block-claim" class="wikilink">the claim</a>');
    expect(html).toContain('<a href="/notes/start/#practise" class="wikilink">Practise</a>');
  });

  it('leaves code alone and works in table cells with \\|', async () => {
    const { html } = await render('`[[Caching]]`\n\n| a | b |\n| - | - |\n| [[Caching\\|c]] | x |\n');
    expect(html).toContain('<code>[[Caching]]</code>');
    expect(html).toContain('<a href="/notes/caching/" class="wikilink">c</a>');
  });

  it('marks links the importer recorded as unresolved, never linking to a missing page', async () => {
    const { html } = await render('[[Gone]] and [[Sharding#Resharding|resharding]]');
    expect(html).toContain(
      '<span class="link-mark">Gone <span class="link-mark-why">(not included)</span></span>',
    );
    expect(html).toContain(
      '<a href="/notes/sharding/" class="wikilink link-mark">resharding <span class="link-mark-why">(section not found)</span></a>',
    );
  });

  it('fails the build on any other unresolved link, with line and column', async () => {
    const error = await failure('Fine.\n\nSee [[Nowhere]] and\n[[Caching#No such]].\n');
    expect(error.line).toBe(3);
    expect(error.column).toBe(5);
    expect(error.message).toContain('line 3: [[Nowhere]]: no note is named "Nowhere"');
    expect(error.message).toContain(
      'line 4: [[Caching#No such]]: note "Caching" has no heading "No such" (headings: "Write back")',
    );
    expect((await failure('[[Caching#^nope]]')).message).toContain('has no block ^nope');
  });

  it('embeds images from the notes folder by file name, relative to the note', async () => {
    const { html } = await render(
      '![[cache-layers.png]]\n\n![[cache-layers.png|Cache layers, top to bottom]]',
      'Systems/Caching.mdx',
    );
    expect(html).toContain('<img src="../attachments/cache-layers.png" alt="cache layers">');
    expect(html).toContain('alt="Cache layers, top to bottom"');
  });

  it('shows a missing or unsupported embed as a notice and fails unless recorded', async () => {
    expect((await failure('![[missing.png]]')).message).toContain(
      'embedded file not found: ![[missing.png]]',
    );
    expect((await failure('![[other.pdf]]')).message).toContain('embedded file not found');
    const recorded = {
      ...index,
      notes: index.notes.map((n) => (n.file === 'Start.mdx' ? { ...n, unresolved: ['missing.png'] } : n)),
    };
    const vfile = new VFile({ path: `${NOTES}/Start.mdx`, value: '![[missing.png]]' });
    const out = await unified()
      .use(remarkParse)
      .use(remarkWikiLinks, { index: () => recorded, notesDir: NOTES })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(vfile);
    expect(String(out)).toContain('<span class="embed-missing">missing.png (file not included)</span>');
  });

  it('embeds a note as a link card, on its own line a block', async () => {
    const { html } = await render('![[Caching#Write back]]\n\nInline ![[Caching]] card.');
    expect(html).toContain(
      '<div class="embed-card-block"><a href="/notes/caching/#write-back" class="embed-card"><span class="embed-card-title">Caching › Write back</span><span class="embed-card-summary">Keep hot data close.</span></a></div>',
    );
    expect(html).toMatch(/<p>Inline <a href="\/notes\/caching\/" class="embed-card">/);
  });

  it('gives a heading holding a wikilink the id the link index computed', async () => {
    const { html } = await render('## Why [[Caching|cache]]\n');
    const id = index.notes.find((n) => n.slug === 'start')?.headings.at(-1)?.id;
    expect(id).toBe('why-cache');
    expect(html).toContain('<h2 id="why-cache">');
  });
});

describe('rehypeCallouts', () => {
  it('renders a callout as a named note, the kind in words, the icon hidden', async () => {
    const { html } = await render('> [!tip] Read-through\n> loads misses itself.\n');
    expect(html).toContain(
      '<div class="callout callout-tip" role="note" aria-labelledby="callout-1" data-callout="tip">',
    );
    expect(html).toMatch(/<p class="callout-title" id="callout-1"><svg[^>]*aria-hidden="true"/);
    expect(html).toContain(
      '<span class="callout-kind">Tip</span> <span class="callout-title-text">Read-through</span></p>',
    );
    expect(html).toContain('<div class="callout-content"><p>loads misses itself.</p>');
    expect(html).not.toContain('style=');
  });

  it('folds with - (closed) and + (open) as <details>, holding tables and lists', async () => {
    const { html } = await render(
      '> [!warning]- Stale\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n\n> [!danger]+\n> - one\n> - two\n',
    );
    expect(html).toContain(
      '<details class="callout callout-warning" data-callout="warning"><summary class="callout-title">',
    );
    expect(html).toContain('<section class="table-wrap"');
    expect(html).toContain('<details class="callout callout-danger" open data-callout="danger">');
    expect(html).toMatch(
      /<span class="callout-title-text">Danger<\/span><\/summary><div class="callout-content">\s*<ul>/,
    );
  });

  it('maps aliases to Obsidian kinds, keeps the written kind as the title, and nests', async () => {
    const { html } = await render(
      '> [!caution]\n> x\n\n> [!FAQ]\n> y\n\n> [!custom]\n> z\n\n> [!note]\n> > [!bug] Inner\n> > w\n',
    );
    expect(html).toContain('class="callout callout-warning"');
    expect(html).toContain('<span class="callout-title-text">Caution</span>');
    expect(html).toContain('class="callout callout-question"');
    expect(html).toContain('<span class="callout-title-text">Faq</span>');
    expect(html).toContain(
      'class="callout callout-note" role="note" aria-labelledby="callout-3" data-callout="custom"',
    );
    expect(html).toContain('class="callout callout-bug"');
  });

  it('leaves ordinary quotes alone', async () => {
    expect((await render('> just a quote [!not]\n')).html).toContain('<blockquote>');
  });
});

describe('remarkHighlight', () => {
  it('marks ==text==, across inline Markdown, but not x == y', async () => {
    const { html } = await render('A ==key *idea*== here; x == y and a == b.\n\nUnclosed ==open');
    expect(html).toContain('A <mark>key <em>idea</em></mark> here; x == y and a == b.');
    expect(html).toContain('Unclosed ==open');
    expect((await render('`==code==`')).html).toContain('<code>==code==</code>');
  });
});

describe('remarkTags', () => {
  it('links inline #tags and #nested/tags to their tag pages, leaving headings and code', async () => {
    const { html } = await render('# Title\n\nAbout #caching and #system/Design, not `#code` or #123.');
    expect(html).toContain('<a href="/tags/caching/" class="inline-tag">#caching</a>');
    expect(html).toContain('<a href="/tags/system-design/" class="inline-tag">#system/Design</a>');
    expect(html).toContain('<code>#code</code> or #123.');
  });
});

describe('remarkBlockIds', () => {
  it('turns ^ids into ids on the paragraph, the list item, or the block before', async () => {
    const { html } = await render(
      'A claim. ^claim\n\n- item ^item\n\n| a |\n| - |\n| 1 |\n\n^table\n\nText\n^next-line\n',
    );
    expect(html).toContain('<p id="block-claim">A claim.</p>');
    expect(html).toContain('<li id="block-item">item</li>');
    expect(html).toContain('<table id="block-table">');
    expect(html).toContain('<p id="block-next-line">Text</p>');
    expect(html).not.toContain('^');
  });
});

describe('rehypeMath', () => {
  it('typesets inline and display math at build time, styles as classes, with the stylesheet link', async () => {
    const { html, styles } = await render('Ratio $h = \\frac{a}{b}$.\n\n$$\nL = h \\cdot x\n$$\n');
    expect(html.startsWith(`<link rel="stylesheet" href="${KATEX_STYLESHEET}">`)).toBe(true);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain(
      '<div class="math-block" tabindex="0" role="group" aria-label="Formula"><span class="katex-display">',
    );
    expect(html).not.toMatch(/style="/);
    expect(styles.used()).toBe(true);
    expect(styles.css()).toMatch(/^\.katex \.ks-[0-9a-f]{8}\{[a-z-]+:[^;]+!important/m);
    const [, cls] = /class="[^"]*(ks-[0-9a-f]{8})/.exec(html) ?? [];
    expect(styles.css()).toContain(`.${cls}{`);
  });

  it('adds no stylesheet to a page without math, and prices are not math', async () => {
    const { html, styles } = await render('No math: $5 and $10, or $20$30, or $ x $.');
    expect(html).toBe('<p>No math: $5 and $10, or $20$30, or $ x $.</p>');
    expect(styles.used()).toBe(false);
  });

  it('fails on a formula that does not parse, naming the line', async () => {
    const error = await failure('Fine $x$.\n\nBroken $\\frac{a$ here.\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^math does not parse: .+ in \$\\frac\{a\$$/);
  });

  it('keeps the heading id from the formula source', async () => {
    expect((await render('## Cost $O(n)$\n')).html).toContain('<h2 id="cost-on">');
  });
});

describe('rehypeTaskLists', () => {
  it('names each checkbox by its item, tight or loose', async () => {
    const { html } = await render('- [x] Read [[Caching]]\n- [ ] ~~Memorise~~\n');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Read Caching">');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Memorise">');
    const loose = await render('- [ ] First\n\n  more\n\n- [x] Second\n');
    expect(loose.html).toContain('aria-label="First"');
    expect((await render('- plain item\n')).html).not.toContain('aria-label');
  });
});

describe('remarkComments', () => {
  it('drops comments from a note MDX did not preprocess (.md): inline, across blocks, in text', async () => {
    const { html } = await render(
      'See [[Caching]] and ==this==. %%secret inline%% after.\n\n%%\nblock secret\n\n## Hidden heading\n%%\n\nKept *a %%x%%* b, `%%code%%`.\n\nUnclosed %%runs to the end\n\nstill hidden\n',
    );
    expect(html).not.toMatch(/secret|Hidden|runs to|still hidden|%%x/);
    expect(html).toContain('<mark>this</mark>.  after.');
    expect(html).toContain('Kept <em>a </em> b, <code>%%code%%</code>.');
    expect(html).toContain('<p>Unclosed </p>');
  });

  it('cuts comments from text that is not the source as written', async () => {
    const { html } = await render('A \\* star %%note%% done');
    expect(html).toBe('<p>A * star  done</p>');
  });
});
