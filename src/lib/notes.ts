/**
 * A note of the collection as the content checks read it (the comparison and walker checks run
 * again at build time over what Astro loaded). The body's line in the file is not known here;
 * the content gate, which reads the files itself, gives the exact lines before the build.
 */
import type { CollectionEntry } from 'astro:content';
import type { NoteText } from '../domain/notes/collection.ts';

export const noteText = (note: CollectionEntry<'notes'>): NoteText => ({
  file: note.filePath ?? note.id,
  data: note.data,
  body: note.body ?? '',
  bodyLine: 1,
});
