/**
 * `npm run import -- DIR|FILE ... [--out DIR] [--force] [--dry-run]`
 * A folder of notes (plain Markdown, an Obsidian vault, a GitHub notes repo, a Notion export)
 * → `content/notes/`, keeping its folder tree, with a report of what was repaired and what
 * needs a human. Running it again is a sync: changed notes update, unchanged ones are left
 * alone, notes edited here since their import are kept unless --force, and a note deleted from
 * the source is reported, never removed. Diagrams of all files are checked with real mermaid
 * in one browser session; only the ones that fail are repaired, and repairs are rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { checkNoteFile } from '../src/domain/content/gate.ts';
import type { Fence } from '../src/domain/importer/body.ts';
import { repairDiagram } from '../src/domain/importer/diagrams.ts';
import { claim, type Manifest, parseManifest, serialiseManifest } from '../src/domain/importer/manifest.ts';
import {
  finishNote,
  ImportError,
  noteBody,
  type PreparedNote,
  prepareNote,
  type ReadNote,
  readNote,
  wantedSlug,
} from '../src/domain/importer/note.ts';
import {
  FILE_TARGET,
  listSources,
  NOTE_FILE,
  outputPath,
  relativeLink,
  resolveDestination,
} from '../src/domain/importer/sources.ts';
import { uniqueSlug } from '../src/domain/importer/frontmatter.ts';
import { noteAnchors } from '../src/domain/notes/anchors.ts';
import { type LinkableNote, parseBlockIds, resolveWikiLink } from '../src/domain/notes/wikilinks.ts';
import { diagramCacheDir } from '../src/lib/paths.ts';
import { diagramErrorLine } from '../src/markdown/mermaid/fences.ts';
import { createDiagramRenderer } from '../src/markdown/mermaid/renderer.ts';
import { AliasesSchema, NoteSchema } from '../src/schemas/note.ts';

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
  console.error('usage: npm run import -- DIR|FILE ... [--out DIR] [--force] [--dry-run]');
  process.exit(2);
}
const shown = (path: string) => relative(process.cwd(), path).split(sep).join('/') || '.';
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const toPosix = (path: string) => path.split(sep).join('/');

// ---- What the sources hold ------------------------------------------------------------------
interface Source {
  /** `<root name>/<rel>`: the note's identity in the manifest. */
  key: string;
  root: string;
  /** Path inside the root, `/`-separated. */
  rel: string;
  /** How the file is named in messages (as the user typed the root). */
  display: string;
  /** The root as typed, with a trailing `/` (empty for a file in the current folder). */
  prefix: string;
}
const refusal = (source: Source, error: unknown) =>
  error instanceof ImportError ? `${source.prefix}${error.message}` : `${source.display}: ${String(error)}`;
const sources: Source[] = [];
/** Root → its non-note files (attachment candidates), by root-relative path. */
const filesOf = new Map<string, string[]>();
const dirRoots: string[] = [];
const skippedAll: string[] = [];
for (const arg of args) {
  const path = resolve(arg);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    console.error(`${arg}: no such file or folder`);
    process.exit(2);
  }
  if (!info.isDirectory()) {
    const root = dirname(path);
    const prefix = dirname(arg) === '.' ? '' : `${dirname(arg)}/`;
    sources.push({
      key: `${basename(root)}/${basename(path)}`,
      root,
      rel: basename(path),
      display: arg,
      prefix,
    });
    filesOf.set(root, filesOf.get(root) ?? []);
    continue;
  }
  dirRoots.push(path);
  // Obsidian's settings, where present: the attachments and templates folders.
  const setting = async (file: string): Promise<Record<string, unknown>> => {
    try {
      return JSON.parse(await readFile(join(path, '.obsidian', file), 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const attachmentFolder = (await setting('app.json')).attachmentFolderPath;
  const templateFolder = (await setting('templates.json')).folder;
  const found = await listSources(
    async (dir) =>
      (await readdir(join(path, dir), { withFileTypes: true })).map((e) => ({
        name: e.name,
        isDirectory: e.isDirectory(),
      })),
    typeof attachmentFolder === 'string' ? attachmentFolder : undefined,
    typeof templateFolder === 'string' ? templateFolder : undefined,
  );
  skippedAll.push(...found.skipped.map((s) => `${arg.replace(/\/+$/, '')}/${s}`));
  filesOf.set(path, found.files);
  for (const rel of found.notes)
    sources.push({
      key: `${basename(path)}/${rel}`,
      root: path,
      rel,
      display: `${arg.replace(/\/+$/, '')}/${rel}`,
      prefix: `${arg.replace(/\/+$/, '')}/`,
    });
}
if (!sources.length) {
  console.error(
    `No notes found in ${args.join(', ')}: looked for *.md, *.markdown, *.mdx and *.txt in every subfolder` +
      `${skippedAll.length ? ` (left out: ${skippedAll.join(', ')})` : ''}. Nothing was imported.`,
  );
  process.exit(1);
}

// ---- The manifest, and the notes already in the notes folder --------------------------------
const manifestPath = join(outDir, '.import-manifest.json');
const readText = (path: string) => readFile(path, 'utf8').catch(() => undefined);
const existingFiles = existsSync(outDir)
  ? (await readdir(outDir, { recursive: true }))
      .map(toPosix)
      .filter((p) => /\.mdx?$/.test(p) && !p.split('/').some((part) => part.startsWith('.')))
  : [];
const existingText = new Map<string, string>();
for (const file of existingFiles) existingText.set(file, (await readText(join(outDir, file))) ?? '');
const manifest: Manifest = parseManifest(await readText(manifestPath), (slug) => {
  const text = existingText.get(`${slug}.mdx`);
  return text ? /^source:\s*(.+)$/m.exec(text)?.[1]?.trim() : undefined;
});

// ---- Read every note; refuse what cannot be read --------------------------------------------
const refused: string[] = [];
const unpublished: string[] = [];
const notNotes: string[] = [];
const read: { source: Source; note: ReadNote }[] = [];
for (const source of sources) {
  try {
    const note = readNote({ name: source.rel, bytes: await readFile(join(source.root, source.rel)) });
    // A .txt is a note only when it reads like one (a heading or frontmatter), not requirements.txt.
    if (/\.txt$/i.test(source.rel) && note.titleFrom === 'file name' && !note.yaml) {
      notNotes.push(`${source.display}: plain text without a heading or frontmatter`);
      continue;
    }
    if (note.unpublished) unpublished.push(`${source.display}: ${note.unpublished} (not copied)`);
    else read.push({ source, note });
  } catch (error) {
    refused.push(refusal(source, error));
  }
}

// ---- Identity: slug and file per source, kept from earlier runs ------------------------------
const ownedFiles = new Set(Object.values(manifest.notes).map((e) => e.file));
const takenSlugs = new Set<string>(Object.values(manifest.notes).flatMap((e) => (e.slug ? [e.slug] : [])));
const takenFiles = new Set<string>(existingFiles);
for (const [file, text] of existingText) {
  if (ownedFiles.has(file)) continue;
  const checked = checkNoteFile({ path: file, bytes: new TextEncoder().encode(text) }, NoteSchema);
  if (checked.note) takenSlugs.add(checked.note.data.slug);
}
interface Planned {
  source: Source;
  note: ReadNote;
  slug: string;
  file: string;
  previous?: { file: string; sha256: string };
  order?: number;
}
const planned: Planned[] = [];
for (const { source, note } of read) {
  const entry = claim(manifest, source.key);
  let slug = entry?.slug;
  if (!slug) {
    slug = uniqueSlug(wantedSlug(note), takenSlugs);
    takenSlugs.add(slug);
  }
  let file = outputPath(source.rel, slug);
  if (entry?.file && (entry.file === file || !planned.some((p) => p.file === entry.file))) file = entry.file;
  else if (takenFiles.has(file) && entry?.file !== file) {
    file = `${file.slice(0, file.lastIndexOf('/') + 1)}${slug}.mdx`;
    for (let n = 2; takenFiles.has(file); n++) file = file.replace(/(-\d+)?\.mdx$/, `-${n}.mdx`);
  }
  takenFiles.add(file);
  planned.push({
    source,
    note,
    slug,
    file,
    ...(entry ? { previous: { file: entry.file, sha256: entry.sha256 } } : {}),
    ...(entry?.order !== undefined ? { order: entry.order } : {}),
  });
}

// ---- Links: Markdown links by path, attachments by path or name -------------------------------
const bySourcePath = new Map(planned.map((p) => [`${p.source.root}\0${p.source.rel}`, p]));
const copies = new Map<string, { from: string; to: string; key: string }>();
function findFile(p: Planned, target: string): string | undefined {
  const files = filesOf.get(p.source.root) ?? [];
  const rel = resolveDestination(p.source.rel, target);
  if (rel && files.includes(rel)) return rel;
  // Obsidian embeds name a file anywhere in the vault; the shortest path wins.
  const name = (target.split('/').pop() ?? target).toLowerCase();
  return files
    .filter((f) => (f.split('/').pop() ?? f).toLowerCase() === name)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}
function copyOf(p: Planned, rel: string): string {
  const key = `${basename(p.source.root)}/${rel}`;
  copies.set(key, { from: join(p.source.root, rel), to: rel, key });
  return rel;
}

// Reading order for notes without frontmatter: kept from earlier runs; new notes go after them
// (a first run numbers the notes in file order, as it always has).
const knownOrders = Object.values(manifest.notes).flatMap((e) => (e.order === undefined ? [] : [e.order]));
let nextOrder = knownOrders.length ? Math.max(...knownOrders) : 0;
const prepared: { plan: Planned; note: PreparedNote }[] = [];
for (const [i, plan] of planned.entries()) {
  try {
    const order = plan.order ?? (knownOrders.length ? (nextOrder += 10) : (i + 1) * 10);
    const note = prepareNote(plan.note, {
      order,
      slug: plan.slug,
      links: {
        note: (dest) => {
          const rel = resolveDestination(plan.source.rel, dest);
          const hit = rel ? bySourcePath.get(`${plan.source.root}\0${rel}`) : undefined;
          if (hit) return hit.slug;
          const name = basename(dest.replace(/#.*$/, ''));
          return planned.find((q) => basename(q.source.rel) === name)?.slug;
        },
        asset: (dest) => {
          const rel = resolveDestination(plan.source.rel, dest);
          const files = filesOf.get(plan.source.root) ?? [];
          return rel && files.includes(rel) && !NOTE_FILE.test(rel)
            ? relativeLink(plan.file, copyOf(plan, rel))
            : undefined;
        },
      },
    });
    prepared.push({ plan, note });
  } catch (error) {
    refused.push(refusal(plan.source, error));
  }
}

// ---- Diagrams: every diagram of every file in one browser session ---------------------------
const renderer = createDiagramRenderer({ cacheDir: diagramCacheDir() });
const fences = prepared.flatMap(({ note }) => note.diagrams.map((fence) => ({ note, fence })));
const first = await renderer.renderAll(fences.map(({ fence }) => fence.body.join('\n')));
const diagramSources = new Map<Fence, string>();
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
    diagramSources.set(r.fence, r.source);
    r.note.report.repaired.push(`diagram at line ${r.fence.line} repaired (${r.applied.join(', ')})`);
  } else {
    broken.add(r.note);
    const line = diagramErrorLine(r.fence.line, r.message);
    const source = planned.find((p) => p.note === r.note.read)?.source;
    refused.push(
      `${source?.prefix ?? ''}${r.note.report.file}:${line}: invalid mermaid diagram that could not be repaired: ${r.message.split('\n').join('\n    ')}`,
    );
  }
});

// ---- Bodies (math checked, MDX compiled), then every note's headings for the wikilinks -------
const ready: { plan: Planned; note: PreparedNote }[] = [];
for (const item of prepared) {
  if (broken.has(item.note)) continue;
  try {
    noteBody(item.note, diagramSources);
    await compiles(item.note);
    ready.push(item);
  } catch (error) {
    refused.push(refusal(item.plan.source, error));
  }
}

/** MDX must compile; a line it cannot read (an unbalanced tag) is shown as text instead. */
async function compiles(note: PreparedNote): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await compile(note.body ?? '', { remarkPlugins: [remarkGfm, remarkMath] });
      return;
    } catch (error) {
      const e = error as {
        line?: number;
        reason?: string;
        message?: string;
        place?: { line?: number; start?: { line?: number } };
      };
      const lines = (note.body ?? '').split('\n');
      // The element's start: an unclosed tag is reported where the text around it ends.
      // (Some micromark errors give it only in their text: "… (1:1-1:19)".)
      const inText = Number(/\((\d+):\d+-\d+:\d+\)/.exec(e.reason ?? '')?.[1] ?? 0);
      const index = (e.place?.start?.line ?? e.place?.line ?? e.line ?? inText) - 1;
      const line = lines[index];
      if (line === undefined || !/[<{}]/.test(line))
        throw new ImportError(`${note.read.name}: not valid MDX: ${e.reason ?? e.message}`);
      lines[index] = line.replace(/(^|[^\\])([{}])/g, '$1\\$2').replace(/</g, '&lt;');
      note.report.repaired.push(`HTML that MDX cannot read shown as text: ${line.trim().slice(0, 60)}`);
      note.body = lines.join('\n');
    }
  }
}

const linkable = new Map<PreparedNote, LinkableNote>();
const others: LinkableNote[] = [];
const readyFiles = new Set(ready.map((r) => r.plan.file));
for (const [file, text] of existingText) {
  if (readyFiles.has(file) || ownedFiles.has(file)) continue;
  const checked = checkNoteFile({ path: file, bytes: new TextEncoder().encode(text) }, NoteSchema);
  if (checked.note) others.push(linkableOf(file, checked.note.data, checked.note.body));
}
function linkableOf(
  file: string,
  data: { slug: string; title: string; aliases?: unknown },
  body: string,
): LinkableNote {
  let headings: { id: string; text: string }[] = [];
  try {
    headings = noteAnchors(body).map(({ id, text }) => ({ id, text }));
  } catch {
    // Not MDX we can read: no headings known (links to sections of it are reported).
  }
  const aliases = AliasesSchema.safeParse(data.aliases ?? []);
  return {
    slug: data.slug,
    path: file.replace(/\.mdx?$/, ''),
    title: data.title,
    aliases: aliases.success ? aliases.data : [],
    headings,
    blocks: parseBlockIds(body),
  };
}
for (const { plan, note } of ready)
  linkable.set(
    note,
    linkableOf(
      plan.file,
      { slug: plan.slug, title: plan.note.title, aliases: note.frontmatter.aliases },
      note.body ?? '',
    ),
  );
const allNotes = [...linkable.values(), ...others];

function entryOf(plan: Planned, note: PreparedNote, mdx: string) {
  const order = note.read.yaml ? undefined : note.order;
  return { file: plan.file, slug: plan.slug, ...(order === undefined ? {} : { order }), sha256: sha(mdx) };
}

// ---- Write, unless a human edited the note since its last import -----------------------------
const lines: string[] = [];
const counts = { created: 0, updated: 0, unchanged: 0, kept: 0, human: 0 };
if (!dryRun) await mkdir(outDir, { recursive: true });
for (const { plan, note } of ready) {
  const from = linkable.get(note);
  const mdx = finishNote(note, diagramSources, (link) => {
    if (FILE_TARGET.test(link.target) && !/\.mdx?$/i.test(link.target)) {
      const file = findFile(plan, link.target);
      if (!file) return 'missing-file';
      copyOf(plan, file);
      return 'ok';
    }
    const outcome = resolveWikiLink(link, from, allNotes);
    return outcome.kind === 'note' ? 'ok' : outcome.kind;
  });
  const target = join(outDir, plan.file);
  const existing = plan.previous ? await readText(join(outDir, plan.previous.file)) : undefined;
  const edited =
    existing !== undefined && plan.previous !== undefined && sha(existing) !== plan.previous.sha256;
  let status: string;
  if (existing === mdx && plan.previous?.file === plan.file) {
    status = 'unchanged';
    counts.unchanged++;
  } else if (edited && !force) {
    status = 'KEPT: edited here since its import (use --force to overwrite)';
    counts.kept++;
  } else {
    status = existing === undefined ? 'created' : 'updated';
    counts[existing === undefined ? 'created' : 'updated']++;
    if (!dryRun) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, mdx);
      if (plan.previous && plan.previous.file !== plan.file) {
        await rm(join(outDir, plan.previous.file), { force: true });
        status += ` (moved from ${plan.previous.file})`;
      }
    }
    manifest.notes[plan.source.key] = entryOf(plan, note, mdx);
  }
  if (status === 'unchanged') manifest.notes[plan.source.key] = entryOf(plan, note, mdx);
  if (note.report.needsHuman.length) counts.human++;
  lines.push(`\n${plan.source.display} → ${shown(target)} (${status}${dryRun ? ', dry run' : ''})`);
  lines.push(
    ...(note.report.repaired.length
      ? note.report.repaired.map((r) => `  repaired: ${r}`)
      : ['  repaired: nothing needed']),
  );
  lines.push(...note.report.needsHuman.map((h) => `  needs a human: ${h}`));
}

// ---- Attachments the notes use ---------------------------------------------------------------
let copied = 0;
let sameFiles = 0;
for (const copy of copies.values()) {
  const bytes = await readFile(copy.from);
  const target = join(outDir, copy.to);
  const current = await readFile(target).catch(() => undefined);
  if (current && sha(current) === sha(bytes)) sameFiles++;
  else {
    copied++;
    if (!dryRun) {
      await mkdir(dirname(target), { recursive: true });
      await copyFile(copy.from, target);
    }
  }
  manifest.attachments[copy.key] = { file: copy.to, sha256: sha(bytes) };
}

// ---- Sources that are gone -------------------------------------------------------------------
const seen = new Set(sources.map((s) => s.key));
const gone = Object.entries(manifest.notes).filter(
  ([key]) => !seen.has(key) && dirRoots.some((root) => key.startsWith(`${basename(root)}/`)),
);
if (!dryRun) await writeFile(manifestPath, serialiseManifest(manifest));

const imported = counts.created + counts.updated;
console.log(`Import report: ${args.join(', ')} → ${shown(outDir)}`);
console.log(lines.join('\n'));
if (copies.size) console.log(`\nAttachments: ${copied} copied, ${sameFiles} unchanged`);
if (unpublished.length) {
  console.log(`\nNot published (${unpublished.length}):`);
  for (const line of unpublished) console.log(`  ${line}`);
}
if (skippedAll.length) console.log(`\nLeft out, not notes: ${skippedAll.join(', ')}`);
if (notNotes.length) {
  console.log(`\nNot notes, left out (${notNotes.length}):`);
  for (const line of notNotes) console.log(`  ${line}`);
}
if (gone.length) {
  console.log(
    `\nNo longer in the source (${gone.length}), kept here: delete them by hand if they should go:`,
  );
  for (const [key, entry] of gone) console.log(`  ${key} → ${shown(join(outDir, entry.file))}`);
}
if (refused.length) {
  console.error(`\nRefused, not imported (${refused.length}):`);
  for (const line of refused) console.error(`  ${line}`);
}
console.log(
  `\nSummary: ${imported} imported (${counts.created} new, ${counts.updated} updated), ${counts.unchanged} unchanged, ` +
    `${counts.kept} kept because edited, ${refused.length} refused, ${counts.human} need a human, ` +
    `${unpublished.length} not published${gone.length ? `, ${gone.length} gone from the source` : ''}`,
);
if (!imported && !counts.unchanged && !counts.kept) {
  console.error(
    `No note was imported: ${refused.length ? `${refused.length} refused` : ''}${refused.length && unpublished.length ? ' and ' : ''}${unpublished.length ? `${unpublished.length} not published` : ''} (see above).`,
  );
  process.exit(1);
}
