import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { type ContentError, type ContentFile, checkNotes } from '../domain/content-gate.ts';
import { notesDir } from '../lib/paths.ts';
import { NoteSchema } from '../schemas/note.ts';

export async function readNoteFiles(root = process.cwd(), dir = notesDir(root)): Promise<ContentFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.mdx?$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({
      path: relative(root, join(dir, name)),
      bytes: await readFile(join(dir, name)),
    })),
  );
}

/**
 * Everything the gate checks, including what needs a compiler: each body must compile as MDX
 * (a stray `{` or `<` would otherwise fail deep inside the build, or render nothing).
 */
export async function gateNotes(root = process.cwd(), dir = notesDir(root)) {
  const files = await readNoteFiles(root, dir);
  const { notes, errors } = checkNotes(files, NoteSchema);
  await Promise.all(
    notes.map(async (note) => {
      try {
        await compile(note.body, { remarkPlugins: [remarkGfm] });
      } catch (error) {
        const e = error as { line?: number; reason?: string; message?: string };
        errors.push({
          file: note.file,
          line: e.line ? note.bodyLine + e.line - 1 : note.bodyLine,
          message: `not valid MDX: ${e.reason ?? e.message} (escape a literal \`{\` or \`<\` as \`\\{\` or \`&lt;\`)`,
        } satisfies ContentError);
      }
    }),
  );
  return { files, notes, errors };
}
