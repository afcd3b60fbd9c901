/**
 * What the schema alone cannot see in `content/cards/*.yaml`: the file is named after the deck
 * id (URLs and stored progress depend on it), the id is not taken by a note's derived deck or by
 * the site, card ids are unique in the deck, and every `source` points at a real note heading.
 */
import { type DeckFile, DeckFileSchema } from '../../schemas/deck.ts';
import { RESERVED_DECK_IDS } from './derive.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import {
  type CheckedYaml,
  checkEach,
  checkYamlWith,
  duplicateIdErrors,
  idMatchesFileName,
  sourceErrors,
} from '../content/yaml.ts';

export function checkDeckFile(
  file: ContentFile,
  index: AnchorIndex,
): { checked?: CheckedYaml<DeckFile>; errors: ContentError[] } {
  return checkYamlWith(file, DeckFileSchema, (checked) => {
    const { id, cards } = checked.data;
    return [
      ...idMatchesFileName(checked, 'deck'),
      ...(RESERVED_DECK_IDS.has(id)
        ? [checked.at(['id'], `"${id}" is used by the site (/flashcards/${id}/)`)]
        : []),
      ...(index.has(id)
        ? [checked.at(['id'], `"${id}" is the deck derived from the note of that slug; choose another id`)]
        : []),
      ...duplicateIdErrors(checked),
      ...sourceErrors(
        checked,
        index,
        cards.map((c, i) => ({ path: ['cards', i, 'source'], ref: c.source })),
      ),
    ];
  });
}

/** Every hand-written deck of `content/cards/`. */
export const checkDeckFiles = (files: readonly ContentFile[], index: AnchorIndex) =>
  checkEach(files, (file) => checkDeckFile(file, index));
