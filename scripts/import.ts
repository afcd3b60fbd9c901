/**
 * `npm run import -- FILE|DIR ... [--out DIR] [--force] [--dry-run]`
 * Raw Markdown/text notes → content/notes/<slug>.mdx, with a report of what was repaired and
 * what needs a human. All diagrams of all files are checked with real mermaid in one browser
 * session; only the ones that fail are repaired, and repairs are rendered again before use.
 * Re-running is idempotent; a note edited since its import is kept unless --force.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { repairDiagram } from '../src/domain/importer/diagrams.ts';
import type { Fence } from '../src/domain/importer/body.ts';
import { type PreparedNote, finishNote, ImportError, prepareNote } from '../src/domain/importer/note.ts';
import { diagramErrorLine } from '../src/markdown/mermaid/fences.ts';
import { createDiagramRenderer } from '../src/markdown/mermaid/renderer.ts';
import { diagramCacheDir } from '../src/lib/paths.ts';
import { cleanTitle, findTitle, titleSlug, uniqueSlug } from '../src/domain/importer/frontmatter.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args.splice(i, 2)[1] ?? fallback) : fallback;
};
const force = flag('--force');
const dryRun = flag('--dry-run');
const outDir = resolve(option('--out', 'content/notes'));
if (!args.length) {
  console.error('usage: npm run import -- FILE|DIR ... [--out DIR] [--force] [--dry-run]');
  process.exit(2);
}

const NOTE_FILE = /\.(md|markdown|mdx|txt)$/i;
async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  return (await readdir(path))
    .filter((n) => NOTE_FILE.test(n))
    .sort()
    .map((n) => join(path, n));
}
const files = (await Promise.all(args.map(expand))).flat();

// Slugs first, so notes can link to each other within one import.
const raws = await Promise.all(
  files.map(async (path) => ({ path, name: basename(path), bytes: await readFile(path) })),
);
const taken = new Set<string>();
const batch = new Map<string, string>();
for (const raw of raws) {
  const text = new TextDecoder().decode(raw.bytes).replace(/\r\n?/g, '\n');
  const title = findTitle(text.split('\n'));
  if (!title) continue;
  const slug = uniqueSlug(titleSlug(cleanTitle(title.title)) || 'note', taken);
  taken.add(slug);
  batch.set(raw.name, slug);
}

const failures: string[] = [];
const prepared: { path: string; note: PreparedNote }[] = [];
for (const [i, raw] of raws.entries()) {
  try {
    const slug = batch.get(raw.name);
    const note = prepareNote(raw, {
      order: (i + 1) * 10,
      ...(slug ? { slug } : {}),
      links: { batch, exists: (rel) => existsSync(resolve(dirname(raw.path), rel)) },
    });
    prepared.push({ path: raw.path, note });
  } catch (error) {
    failures.push(error instanceof ImportError ? error.message : `${raw.name}: ${String(error)}`);
  }
}

// Every diagram of every file in one browser session; then only the failures, repaired.
const renderer = createDiagramRenderer({ cacheDir: diagramCacheDir() });
const fences = prepared.flatMap(({ note }) => note.diagrams.map((fence) => ({ note, fence })));
const first = await renderer.renderAll(fences.map(({ fence }) => fence.body.join('\n')));
const sources = new Map<Fence, string>();
const retry: { note: PreparedNote; fence: Fence; source: string; applied: string[]; message: string }[] = [];
fences.forEach(({ note, fence }, i) => {
  const outcome = first[i];
  if (outcome?.ok) return;
  const { source, applied } = repairDiagram(fence.body.join('\n'));
  retry.push({ note, fence, source, applied, message: outcome?.message ?? 'not rendered' });
});
const second = await renderer.renderAll(retry.map((r) => r.source));
const broken = new Set<PreparedNote>();
retry.forEach((r, i) => {
  if (second[i]?.ok && r.applied.length) {
    sources.set(r.fence, r.source);
    r.note.report.repaired.push(`diagram at line ${r.fence.line} repaired (${r.applied.join(', ')})`);
  } else {
    broken.add(r.note);
    const line = diagramErrorLine(r.fence.line, r.message);
    failures.push(
      `${r.note.report.file}:${line}: invalid mermaid diagram that could not be repaired: ${r.message.split('\n').join('\n    ')}`,
    );
  }
});

// Write, unless a human edited the note since its last import.
const manifestPath = join(outDir, '.import-manifest.json');
const manifest: Record<string, string> = existsSync(manifestPath)
  ? (JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, string>)
  : {};
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const lines: string[] = [];
if (!dryRun) await mkdir(outDir, { recursive: true });
for (const { note } of prepared) {
  if (broken.has(note)) continue;
  const mdx = finishNote(note, sources);
  const slug = note.frontmatter.slug;
  const target = join(outDir, `${slug}.mdx`);
  const existing = existsSync(target) ? await readFile(target, 'utf8') : undefined;
  let status: string;
  if (existing === mdx) status = 'unchanged';
  else if (existing !== undefined && manifest[slug] !== sha(existing) && !force) {
    status = 'SKIPPED: edited since import (use --force to overwrite)';
  } else {
    status = existing === undefined ? 'created' : 'updated';
    if (!dryRun) await writeFile(target, mdx);
    manifest[slug] = sha(mdx);
  }
  if (status === 'unchanged' && manifest[slug] === undefined) manifest[slug] = sha(mdx);
  const { report } = note;
  lines.push(
    `\n${report.file} → ${join(basename(outDir), `${slug}.mdx`)} (${status}${dryRun ? ', dry run' : ''})`,
  );
  lines.push(
    ...(report.repaired.length
      ? report.repaired.map((r) => `  repaired: ${r}`)
      : ['  repaired: nothing needed']),
  );
  lines.push(...report.needsHuman.map((h) => `  needs a human: ${h}`));
}
if (!dryRun) await writeFile(manifestPath, `${JSON.stringify(manifest, Object.keys(manifest).sort(), 2)}\n`);

console.log(`Import report (${prepared.length - broken.size} of ${raws.length} file(s) imported)`);
console.log(lines.join('\n'));
if (failures.length) {
  console.error(`\nNot imported (${failures.length}):`);
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
