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
