/**
 * What an import reads from a folder: the note files in every subfolder, and the other files
 * (images, PDFs) a note may use. Dot-folders (`.obsidian`, `.git`, `.trash`) and `node_modules`
 * are never read; attachment folders hold files for notes, never notes. The folder listing is
 * passed in, so this is tested on fixtures and on plain lists alike.
 */
import { noteName, stripNotionId } from '../notes/derive.ts';

export const NOTE_FILE = /\.(md|markdown|mdx|txt)$/i;

/** Folders whose Markdown is not notes: Obsidian's and other tools' attachment folders. */
export const ATTACHMENT_FOLDERS = new Set([
  'attachments',
  'attachment',
  '_attachments',
  'assets',
  '_resources',
  'resources',
  'images',
  'img',
  'media',
  'files',
]);

/** File kinds a wikilink or embed names by extension (a note name may contain dots). */
export const FILE_TARGET =
  /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|pdf|mp3|mp4|webm|mov|wav|ogg|m4a|csv|zip)$/i;

/** A repository's own files, not notes: `LICENSE.md`, `CONTRIBUTING.md`, `CHANGELOG.md` … */
export const REPO_FILE =
  /^(licen[cs]e|contributing|code_of_conduct|changelog|history|security|support|authors|pull_request_template|issue_template)(\.[a-z]+)?$/i;

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface Sources {
  /** Note files, `/`-separated paths relative to the root, sorted. */
  notes: string[];
  /** Every other file (candidates for attachments), relative to the root. */
  files: string[];
  /** Folders and repository files (`LICENSE.md` …) left out (for the report when nothing is found). */
  skipped: string[];
}

/**
 * Walks `root`. `attachmentFolder` is Obsidian's setting (`.obsidian/app.json`
 * `attachmentFolderPath`), an attachments folder whatever its name; `templateFolder` its
 * templates folder (`.obsidian/templates.json` `folder`), left out.
 */
export async function listSources(
  list: (relativeDir: string) => Promise<DirEntry[]>,
  attachmentFolder?: string,
  templateFolder?: string,
): Promise<Sources> {
  const sources: Sources = { notes: [], files: [], skipped: [] };
  const extra = attachmentFolder?.replace(/^\.?\/+|\/+$/g, '');
  const templates = templateFolder?.replace(/^\.?\/+|\/+$/g, '');
  const walk = async (dir: string, inAttachments: boolean): Promise<void> => {
    const entries = [...(await list(dir))].sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') {
        if (entry.isDirectory) sources.skipped.push(path);
        continue;
      }
      // Obsidian's templates (`{{date}}` placeholders) are not notes.
      if (entry.isDirectory && templates && path === templates) {
        sources.skipped.push(path);
        continue;
      }
      if (entry.isDirectory) {
        const attachments =
          inAttachments || ATTACHMENT_FOLDERS.has(entry.name.toLowerCase()) || path === extra;
        await walk(path, attachments);
      } else if (NOTE_FILE.test(entry.name) && !inAttachments) {
        // Excalidraw drawings are saved as Markdown wrapping their JSON: not notes.
        if (REPO_FILE.test(entry.name) || /\.excalidraw\.md$/i.test(entry.name)) sources.skipped.push(path);
        else sources.notes.push(path);
      } else sources.files.push(path);
    }
  };
  await walk('', false);
  return sources;
}

/** A name with no words in it (`000_30dbbc4cb3520705`): the imported file is named by its slug instead. */
export const isWordless = (name: string): boolean =>
  name.split(/[\s_.-]+/).filter((part) => part && !/^\d+$/.test(part) && !/^[0-9a-f]{8,}$/i.test(part))
    .length === 0;

/**
 * Where an imported note goes, relative to the notes folder: the same folders (Notion ids
 * dropped from their names) and the note's own name, or its slug when the name says nothing.
 */
export function outputPath(source: string, slug: string): string {
  const parts = source.split('/');
  const folders = parts.slice(0, -1).map(stripNotionId);
  const name = noteName(source);
  const file = isWordless(name) || !name.trim() ? slug : name.replace(/[\\/:*?"<>|]/g, '-');
  return [...folders, `${file}.mdx`].join('/');
}

/** `a/./b/../c` → `a/c`; undefined when it climbs above the root. */
export function normalisePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** A link destination as written in `from` (URL-encoded, relative) → a root-relative path. */
export function resolveDestination(from: string, destination: string): string | undefined {
  let dest = destination.replace(/[?#].*$/, '');
  try {
    dest = decodeURIComponent(dest);
  } catch {
    // A literal `%`: keep as written.
  }
  if (!dest || /^[a-z][a-z0-9+.-]*:/i.test(dest)) return undefined;
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  return normalisePath(dest.startsWith('/') ? dest : `${dir}/${dest}`);
}

/** A root-relative path as a link from the note at `fromOut` (both relative to the notes folder). */
export function relativeLink(fromOut: string, target: string): string {
  const from = fromOut.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const rel = [...up, ...to.slice(common)];
  return (
    (up.length ? '' : './') + rel.map((part) => (part === '..' ? part : encodeURIComponent(part))).join('/')
  );
}
