import { type PackedCatalogue, catalogueAliases } from '../../domain/progress/packed-catalogue.ts';

/**
 * The card-id aliases of this page (merged card → surviving card), rendered by the flashcard
 * pages as `data-card-aliases` JSON; empty when the page has none.
 */
export function pageCardAliases(doc: Document = document): Record<string, string> {
  const raw = doc.querySelector<HTMLElement>('[data-card-aliases]')?.dataset.cardAliases;
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Puts the merged card ids of the progress catalogue where the progress store reads them, on
 * pages that fetch the catalogue instead of carrying the ids (they grew with the pile).
 */
export function keepCatalogueAliases(packed: PackedCatalogue, doc: Document = document): void {
  const holder = doc.querySelector<HTMLElement>('[data-card-aliases]');
  if (holder) holder.dataset.cardAliases = JSON.stringify(catalogueAliases(packed));
}
