/**
 * Anki export: one deck as a tab-separated text file that Anki's "Import File" reads with no
 * questions asked (its header lines say the separator, HTML, and which columns hold the note
 * type, deck and tags). The card id is the first field, so re-importing an updated file updates
 * the notes instead of duplicating them (Anki matches notes on their first field).
 *
 * Columns: id, front, back, note type, deck (`Tradeoffs::<deck>`), tags.
 */
import type { Card } from '../../schemas/deck.ts';
import { escapeHtml } from '../content/html.ts';

/** The note type Anki needs: fields Id, Front, Back (a copy of "Basic" with an Id field first). */
export const ANKI_NOTETYPE = 'Tradeoffs';

export const ankiDeckName = (deck: string) => `Tradeoffs::${deck}`;

/** Tabs and newlines would break the row: a field is one line of HTML. */
const field = (html: string) => html.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');

export interface AnkiSource {
  href: string;
  label: string;
}

const link = (s: AnkiSource) => `<a href="${escapeHtml(s.href)}">${escapeHtml(s.label)}</a>`;

/**
 * The back of a card as the deck page shows it: the answer, then every note's wording with its
 * source when the card merged several (so Anki shows what each note says, not only the first),
 * and the comparison to read when the notes disagree. `pageOf` makes a site path ("/compare/…")
 * a link Anki can open.
 */
export function ankiBack(
  card: Card,
  sourceOf: (ref: string) => AnkiSource,
  pageOf: (path: string) => string = (path) => path,
): string {
  const parts = [escapeHtml(card.back)];
  if (card.wordings && card.wordings.length > 1) {
    const items = card.wordings.map((w) => {
      const as = w.label ? ` (as “${escapeHtml(w.label)}”)` : '';
      return `<li>“${escapeHtml(w.text)}” — ${link(sourceOf(w.source))}${as}</li>`;
    });
    parts.push(`<small>The notes say it ${card.wordings.length} ways:<ul>${items.join('')}</ul></small>`);
  } else {
    parts.push(`<small>Source: ${card.sources.map((ref) => link(sourceOf(ref))).join(' · ')}</small>`);
  }
  if (card.conflict)
    parts.push(
      `<small>The notes disagree here: ${link({ href: pageOf(card.conflict.href), label: card.conflict.title })}</small>`,
    );
  return parts.join('<br>');
}

export function ankiFile(
  deck: string,
  cards: readonly Card[],
  sourceOf: (ref: string) => AnkiSource,
  pageOf?: (path: string) => string,
): string {
  const lines = ['#separator:tab', '#html:true', '#notetype column:4', '#deck column:5', '#tags column:6'];
  for (const card of cards) {
    const front = card.context
      ? `<small>${escapeHtml(card.context)}</small><br>${escapeHtml(card.front)}`
      : escapeHtml(card.front);
    const back = ankiBack(card, sourceOf, pageOf);
    const tags = ['tradeoffs', ...card.tags].map((t) => t.replace(/\s+/g, '_')).join(' ');
    lines.push(
      [card.id, front, back, ANKI_NOTETYPE, ankiDeckName(deck), tags].map((f) => field(f)).join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Reads an Anki text file back: its `#key:value` headers and its rows (for tests and checks). */
export function parseAnkiFile(text: string): { headers: Record<string, string>; rows: string[][] } {
  const headers: Record<string, string> = {};
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const header = /^#([^:]+):(.*)$/.exec(line);
    if (header && rows.length === 0) headers[header[1] as string] = header[2] as string;
    else rows.push(line.split(headers.separator === 'tab' ? '\t' : ','));
  }
  return { headers, rows };
}
