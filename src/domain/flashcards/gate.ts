/**
 * What the schema alone cannot see in `content/cards/*.yaml`: the file is named after the deck
 * id (URLs and stored progress depend on it), the id is not taken by a note's derived deck or by
 * the site, card ids are unique in the deck, and every `source` points at a real note heading.
 */
import { type DeckFile, DeckFileSchema } from '../../schemas/deck.ts';
import { RESERVED_DECK_IDS } from './derive.ts';
import type { ContentError, ContentFile } from '../content/gate.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import { type CheckedYaml, checkYamlFile, duplicateIds, sourceErrors } from '../content/yaml.ts';

export function checkDeckFile(
  file: ContentFile,
  index: AnchorIndex,
): { checked?: CheckedYaml<DeckFile>; errors: ContentError[] } {
  const { checked, errors } = checkYamlFile(file, DeckFileSchema);
  if (!checked) return { errors };
  const deck = checked.data;
  const problems: ContentError[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({
      file: file.path,
      line: checked.lineOf(path),
      item: checked.itemOf(path),
      field: path.join('.'),
      message,
    });
  const expected = /([^/\\]+)\.ya?ml$/.exec(file.path)?.[1];
  if (expected !== deck.id)
    at(['id'], `the deck id must match the file name: expected "${expected}"; received "${deck.id}"`);
  if (RESERVED_DECK_IDS.has(deck.id))
    at(['id'], `"${deck.id}" is used by the site (/flashcards/${deck.id}/)`);
  if (index.has(deck.id))
    at(['id'], `"${deck.id}" is the deck derived from the note of that slug; choose another id`);
  for (const { id, index: i, first } of duplicateIds(deck.cards))
    at(['cards', i, 'id'], `duplicate card id "${id}" (card #${first + 1} already uses it)`);
  problems.push(
    ...sourceErrors(
      checked,
      index,
      deck.cards.map((c, i) => ({ path: ['cards', i, 'source'], ref: c.source })),
    ),
  );
  return problems.length ? { errors: problems } : { checked, errors: [] };
}
