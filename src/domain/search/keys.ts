/**
 * The search shortcuts, apart from the rest of the search logic so the few bytes every page
 * loads up front (src/client/search/boot.ts) do not pull in anything else.
 */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when the key went to a text field, a select or an editable element. */
  inField: boolean;
}

/**
 * Whether a key press anywhere on the page should focus the search box: Ctrl/Cmd+K always,
 * `/` only when the reader is not typing somewhere else.
 */
export function isSearchShortcut(e: KeyLike): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.inField;
}
