/**
 * The notes collection's loader: Astro's glob loader over `content/notes/**`, with the fields an
 * author may leave out derived from the file (as the content gate derives them, derive.ts),
 * the slug as the entry id (unique across folders; the gate fails the build on a duplicate
 * before the loader could overwrite one entry with another), and unpublished notes
 * (`draft: true`, `publish: false`) left out of the collection.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { deriveNoteFields, noteName } from '../domain/notes/derive.ts';
import { isPublished, slugify } from '../schemas/note.ts';

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

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
              if (isPublished(entry.data as { draft?: boolean; publish?: boolean })) return target.set(entry);
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
          const text = props.filePath ? readFileSync(props.filePath, 'utf8') : '';
          const body = text.replace(FRONTMATTER, '');
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
