/**
 * `npm run test:site`: checks the built site as a host would serve it.
 * - html-validate on every page (0 errors);
 * - linkinator checks every link, asset and `#fragment` on every page; a link to another host
 *   fails too (there is no network, and nothing should leave the site); every `#fragment` is
 *   also checked against the ids of the page it names (`node scripts/check-site.ts [dir]`);
 * - no page references a script, stylesheet, image or font on another host;
 * - every quiz answer key's source link lands on an element with that id (the keys are JSON,
 *   which the link checker does not read);
 * - so does every note section in the progress dashboard's catalogue (/progress/catalogue.json),
 *   which the dashboard links to as "Re-read".
 * Under a base path (BASE_PATH=/tradeoffs/, the same variable the build reads) the pages are
 * checked as served under that prefix: a link that escapes it (`/notes/…` without the base) is
 * broken. DIST_DIR names another build folder.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { normalizeBase, withoutBase } from '../src/domain/site/url.ts';
import { checkLinks } from '../src/lib/link-check.ts';

const DIST = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
const BASE = normalizeBase(process.env.BASE_PATH);
// The configured site's own host may appear in canonical links and the sitemap; nothing is fetched from it.
const SITE_HOST = process.env.SITE_URL ? new URL(process.env.SITE_URL).host : undefined;
const problems: string[] = [];

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const pages = await htmlFiles(DIST);
if (!pages.length) {
  console.error('dist/ has no pages: run `npm run build` first');
  process.exit(1);
}

// 1. html-validate
const validator = new HtmlValidate(new FileSystemConfigLoader());
let htmlErrors = 0;
for (const page of pages) {
  const report = await validator.validateFile(page);
  for (const result of report.results) {
    for (const message of result.messages) {
      htmlErrors += 1;
      problems.push(
        `${relative(DIST, page)}:${message.line}:${message.column}: html-validate ${message.ruleId}: ${message.message}`,
      );
    }
  }
}

// 2. third-party references
const REF = /\s(?:src|href|srcset|content)="(https?:)?\/\/([^/"]+)/g;
for (const page of pages) {
  const html = await readFile(page, 'utf8');
  for (const match of html.matchAll(REF)) {
    const host = match[2] ?? '';
    // <link rel="canonical">/og:url may name the site's own future host; nothing is fetched from it.
    if (host === SITE_HOST || host === 'www.w3.org') continue;
    problems.push(`${relative(DIST, page)}: references another host: ${match[0].trim()}`);
  }
}

// 3. links, assets and fragments
// Under a base path the server root is a folder whose `<base>` entry is dist/, so `/<base>/…`
// resolves and a bare `/notes/…` does not.
const serverRoot = BASE === '/' ? DIST : await mkdtemp(join(tmpdir(), 'tradeoffs-site-'));
if (BASE !== '/') {
  const link = join(serverRoot, BASE.slice(1, -1));
  await mkdir(dirname(link), { recursive: true });
  await symlink(resolve(DIST), link, 'dir');
}
const result = await checkLinks({
  // Every page is a starting point (not a crawl from the home page), so a page nothing links
  // to is checked as well.
  paths: pages.map((page) => join(BASE.slice(1), relative(DIST, page))),
  serverRoot,
  linksToSkip: SITE_HOST ? [`^https?://${SITE_HOST.replaceAll('.', '\\.')}`] : [],
});
if (BASE !== '/') await rm(serverRoot, { recursive: true });
const broken = result.links.filter((link) => link.state === 'BROKEN');
for (const link of broken) {
  problems.push(`broken link: ${link.url} (status ${link.status ?? '?'}) on ${link.parent ?? '?'}`);
}

// 3b. every `#fragment` of a local link lands on an element with that id, on the page it names.
// Checked here rather than trusted to linkinator, which checks a URL once and so can miss (or
// misattribute) a link to a missing heading on another page.
const idsOf = new Map<string, Set<string>>();
const idsOfPage = async (file: string): Promise<Set<string> | undefined> => {
  if (!idsOf.has(file)) {
    const html = await readFile(join(DIST, file), 'utf8').catch(() => undefined);
    idsOf.set(
      file,
      new Set(html === undefined ? [] : [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
    );
    if (html === undefined) return undefined;
  }
  return idsOf.get(file);
};
let fragmentLinks = 0;
for (const page of pages) {
  const from = relative(DIST, page);
  const html = await readFile(page, 'utf8');
  for (const match of html.matchAll(/\shref="([^"]*#[^"]*)"/g)) {
    const href = (match[1] ?? '').replace(/&amp;/g, '&');
    if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue;
    const [path = '', rawFragment = ''] = href.split('#');
    if (!rawFragment) continue;
    fragmentLinks += 1;
    // Resolved as served (under the base), then mapped back to its file in dist/.
    const served = path ? new URL(path, `https://site${BASE}${from}`).pathname : undefined;
    const sitePath = served === undefined ? undefined : withoutBase(BASE, served);
    if (served !== undefined && sitePath === undefined) {
      problems.push(`${from}: link ${href} is outside the base ${BASE}`);
      continue;
    }
    const target = sitePath ? sitePath.slice(1).replace(/(^|\/)$/, '$1index.html') : from;
    const ids = await idsOfPage(target);
    const fragment = decodeURIComponent(rawFragment);
    if (ids && !ids.has(fragment))
      problems.push(`${from}: link ${href}: ${target} has no element with id "${fragment}"`);
  }
}

// 4. quiz answer keys: each source link must land on a heading of its note page
let keyLinks = 0;
for (const file of (await readdir(join(DIST, 'quizzes'), { recursive: true }).catch(() => [])).filter((f) =>
  String(f).endsWith('key.json'),
)) {
  const key = JSON.parse(await readFile(join(DIST, 'quizzes', String(file)), 'utf8')) as {
    questions: Record<string, { source: { href: string } }>;
  };
  for (const [id, { source }] of Object.entries(key.questions)) {
    keyLinks += 1;
    const [href = '', fragment = ''] = source.href.split('#');
    const path = withoutBase(BASE, href);
    if (path === undefined) {
      problems.push(
        `quizzes/${String(file)}: question "${id}": source ${source.href} is outside the base ${BASE}`,
      );
      continue;
    }
    const html = await readFile(join(DIST, path, 'index.html'), 'utf8').catch(() => '');
    if (!html.includes(` id="${fragment}"`))
      problems.push(`quizzes/${String(file)}: question "${id}": source ${source.href} has no such heading`);
  }
}

// 5. the progress catalogue: every note section it names is a heading of that note's page
let sectionLinks = 0;
const catalogueText = await readFile(join(DIST, 'progress', 'catalogue.json'), 'utf8').catch(() => undefined);
if (catalogueText === undefined) problems.push('progress/catalogue.json is missing');
const catalogue = JSON.parse(catalogueText ?? '{"notes":{}}') as {
  notes: Record<string, { headings: Record<string, string> }>;
};
for (const [slug, note] of Object.entries(catalogue.notes)) {
  const html = await readFile(join(DIST, 'notes', slug, 'index.html'), 'utf8').catch(() => '');
  for (const id of Object.keys(note.headings)) {
    sectionLinks += 1;
    if (!html.includes(` id="${id}"`))
      problems.push(`progress/catalogue.json: section /notes/${slug}/#${id} has no such heading`);
  }
}

const summary = `${pages.length} pages, ${result.links.length} links checked, ${fragmentLinks} #fragment links, ${keyLinks} quiz source links, ${sectionLinks} progress sections, ${broken.length} broken, ${htmlErrors} html-validate errors`;
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\nsite check FAILED: ${summary}`);
  process.exit(1);
}
console.log(`site ok: ${summary}`);
