/**
 * Valid notes of unusual shape (test/fixtures/valid-odd/notes): a table above the first
 * heading, no heading at all, headings made only of emoji, an empty section, callouts and
 * `<details>` holding tables. Everything derived from notes copes with them; the build test
 * (test/unit/build.test.ts) builds the same folder.
 */
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/gate.ts';
import { deriveDecks, duplicateCardIds } from '../../../src/domain/flashcards/derive.ts';
import {
  NOTE_TOP,
  anchorIndex,
  anchorText,
  headingId,
  noteAnchors,
} from '../../../src/domain/notes/anchors.ts';
import { extractCheatSheet } from '../../../src/domain/notes/cheatsheet.ts';
import { tableOfContents } from '../../../src/domain/notes/collection.ts';
import { noteDefinitions } from '../../../src/domain/notes/definitions.ts';
import { noteTables, tableClaims } from '../../../src/domain/notes/tables.ts';
import { gateNotes } from '../../../src/integrations/load-notes.ts';

const checked = await gateNotes(process.cwd(), 'test/fixtures/valid-odd/notes');
const notes = checked.notes.map((n) => ({
  slug: n.data.slug,
  title: n.data.title,
  order: n.data.order,
  body: n.body,
  tags: n.data.tags,
}));
const index = anchorIndex(checked.notes);

describe('valid notes of odd shape', () => {
  it('pass the content gate with no error and no warning', () => {
    expect(checked.errors.map(formatContentError)).toEqual([]);
    expect(checked.warnings.map(formatContentError)).toEqual([]);
    expect(notes.map((n) => n.slug).sort()).toEqual([
      'callout-table',
      'emoji-headings',
      'no-sections',
      'table-first',
    ]);
  });

  it('every heading has a non-empty, unique id, stable across runs', () => {
    for (const note of notes) {
      const ids = noteAnchors(note.body).map((a) => a.id);
      expect(
        ids.every((id) => /[a-z0-9]/.test(id)),
        ids.join(' '),
      ).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(noteAnchors(note.body).map((a) => a.id)).toEqual(ids);
    }
    expect(noteAnchors(notes.find((n) => n.slug === 'emoji-headings')?.body ?? '').map((a) => a.id)).toEqual([
      'section',
      'section-1',
      'section-2',
      'section-3',
      'empty-section',
      '123',
    ]);
  });

  it('headings with letters keep github-slugger’s ids', () => {
    const slugger = new GithubSlugger();
    expect(headingId(slugger, '⚠️ Common Pitfall')).toBe('-common-pitfall');
    expect(headingId(slugger, 'Cost Model')).toBe('cost-model');
    expect(headingId(slugger, '🔥')).toBe('section');
    expect(headingId(slugger, '🔥')).toBe('section-1');
  });

  it('the table of contents links to every heading (never to `#`)', () => {
    for (const note of notes) {
      const toc = tableOfContents(
        noteAnchors(note.body).map((a) => ({ depth: a.depth, slug: a.id, text: a.text })),
      );
      for (const item of toc) expect(item.slug).not.toBe('');
    }
  });

  it('cards derive from every table, including one above the first heading, and every source resolves', () => {
    const { decks } = deriveDecks(notes);
    expect(decks.map((d) => d.id).sort()).toEqual([
      'callout-table',
      'emoji-headings',
      'no-sections',
      'table-first',
    ]);
    expect(duplicateCardIds(decks)).toEqual([]);
    const sources = decks.flatMap((d) => d.cards.flatMap((c) => c.sources));
    for (const source of sources) expect(anchorText(source, index), source).toBeDefined();
    const top = decks
      .find((d) => d.id === 'table-first')
      ?.cards.filter((c) => c.sources[0] === `table-first#${NOTE_TOP}`);
    expect(top?.map((c) => c.front)).toContain('Cache — Latency?');
    expect(anchorText(`table-first#${NOTE_TOP}`, index)).toEqual({
      note: 'Table before the first heading',
      heading: 'Table before the first heading',
    });
  });

  it('tables, definitions and cheat sheets read every odd note without throwing', () => {
    for (const note of notes) {
      const tables = noteTables(note.slug, note.body);
      expect(tables.length).toBeGreaterThan(0);
      tables.forEach((t) => tableClaims(t));
      noteDefinitions(note.slug, note.body);
      const headings = noteAnchors(note.body).map((a) => ({ depth: a.depth, slug: a.id, text: a.text }));
      expect(() => extractCheatSheet(note.body, headings)).not.toThrow();
    }
    expect(
      noteTables('callout-table', notes.find((n) => n.slug === 'callout-table')?.body ?? ''),
    ).toHaveLength(2);
  });
});
