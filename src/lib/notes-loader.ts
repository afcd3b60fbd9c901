/**
 * The notes collection's loader: Astro's glob loader over `content/notes/**`, with the fields an
 * author may leave out derived from the file (as the content gate derives them, derive.ts),
 * the slug as the entry id (unique across folders; the gate fails the build on a duplicate
 * before the loader could overwrite one entry with another), and unpublished notes
 * (`draft: true`, `publish: false`) left out of the collection.
 *
 * An entry's `body` is the gate's (the file after its frontmatter, as written), not Astro's
 * trimmed one: what the page build derives from a body (tables, definitions, practice quizzes,
 * anchors) is then found in the store of derived data under the key the gate used, not computed
 * again, and its line numbers count as the gate's do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { deriveNoteFields, noteBodyOf, noteName } from '../domain/notes/derive.ts';
import { isPublished, slugify } from '../schemas/note.ts';

/** As the gate decodes a note (a byte-order mark dropped). */
const readNote = (path: string): string => new TextDecoder().decode(readFileSync(path));

export function notesLoader(base: string): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base,
    generateId: ({ entry, data }) =>
      typeof data.slug === 'string' ? data.slug : slugify(noteName(entry)) || 'note',
  });
  return {
    name: 'tradeoffs-notes',
    load: (context: LoaderContext) => {
      // An entry kept from an earlier build whose file is gone or elsewhere (another notes folder
      // with the same slugs, a renamed folder) would be reused for its unchanged digest and
      // point the build at a file that is not there.
      const root = fileURLToPath(context.config.root);
      for (const id of context.store.keys()) {
        const file = context.store.get(id)?.filePath;
        if (
          file &&
          (!existsSync(resolve(root, file)) || relative(base, resolve(root, file)).startsWith('..'))
        )
          context.store.delete(id);
      }
      const store = new Proxy(context.store, {
        get(target, key, receiver) {
          if (key === 'set')
            return (entry: Parameters<typeof target.set>[0]) => {
              if (isPublished(entry.data as { draft?: boolean; publish?: boolean }))
                return target.set(
                  entry.filePath && entry.body !== undefined
                    ? { ...entry, body: noteBodyOf(readNote(resolve(root, entry.filePath))) }
                    : entry,
                );
              target.delete(entry.id);
              return false;
            };
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return inner.load({
        ...context,
        store,
        parseData: (props) => {
          const body = props.filePath ? noteBodyOf(readNote(props.filePath)) : '';
          const path = props.filePath ? relative(base, props.filePath) : props.id;
          return context.parseData({
            ...props,
            data: deriveNoteFields(props.data, { path, body }) as typeof props.data,
          });
        },
      });
    },
  };
}
