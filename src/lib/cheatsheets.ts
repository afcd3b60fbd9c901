import { getCollection, render } from 'astro:content';
import { extractCheatSheet, type Section } from '../domain/notes/cheatsheet.ts';
import { sortNotes } from '../domain/notes/collection.ts';

export interface CheatSheetPage {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  sections: Section[];
}

/**
 * One cheat sheet per note that has summary sections (see CHEATSHEET_HEADING), at
 * /cheatsheets/<note slug>/, in reading order. Links use the ids of the rendered note page.
 */
export async function loadCheatSheets(): Promise<CheatSheetPage[]> {
  const notes = sortNotes(await getCollection('notes'));
  const sheets = await Promise.all(
    notes.map(async (note) => {
      const { headings } = await render(note);
      const refs = headings.map((h) => ({
        depth: h.depth,
        slug: h.slug,
        text: h.text.replace(/#$/, '').trim(),
      }));
      try {
        const sections = extractCheatSheet(note.body ?? '', refs);
        return {
          slug: note.data.slug,
          title: note.data.title,
          summary: note.data.summary,
          tags: note.data.tags,
          sections,
        };
      } catch (error) {
        throw new Error(`${note.filePath ?? note.id}: cheat sheet: ${(error as Error).message}`);
      }
    }),
  );
  return sheets.filter((sheet) => sheet.sections.length);
}
