/**
 * Reading content folders: apart from the gate (load-notes.ts), so the diagrams integration can
 * list the notes without loading every checker with the config.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../domain/content/errors.ts';
import { notesDir } from '../lib/paths.ts';

/**
 * The files of a content folder matching a pattern, sorted by name; a missing folder has none.
 * `recursive`: subfolders too (notes: folders are sections), dot-folders such as `.obsidian` left out.
 */
export async function readFiles(
  root: string,
  dir: string,
  pattern: RegExp,
  recursive = false,
): Promise<ContentFile[]> {
  const names = (await readdir(dir, { recursive }).catch(() => [] as string[]))
    .map((n) => n.split(sep).join('/'))
    .filter((n) => pattern.test(n) && !n.split('/').some((part) => part.startsWith('.')))
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      path: relative(root, join(dir, name)),
      bytes: await readFile(join(dir, name)),
    })),
  );
}

export const readNoteFiles = (root = process.cwd(), dir = notesDir(root)) =>
  readFiles(root, dir, /\.mdx?$/, true);
