/**
 * Build time: which files of the built site the service worker downloads on the first visit
 * (`core`), which a reader can add with "Keep everything offline" (`extra`), and which no
 * worker may cache (`tooLarge`, over Workbox's per-file cap). Pure: paths and sizes in.
 *
 * Core is what reading and practising need: every note, cheat sheet, quiz and deck, the
 * progress page, search and its index, and every file those pages load. Extra is what only
 * duplicates or lists it, and grows fastest with the number of notes:
 * - `diagrams/*.svg`, the full-size files behind "Open full size": the page already holds the
 *   same drawing inline (a full-size file a page *embeds*, as /decide/ does, stays core);
 * - `flashcards/all/`, every card on one page (megabytes at 500 notes), when decks exist;
 * - one page per tag (`tags/<tag>/`): lists of links to notes that are core anyway;
 * - the Anki export files (`flashcards/anki/*.txt`): downloads for another program.
 */

export interface SiteFile {
  /** Path inside dist/, `/`-separated, no leading slash (`notes/a/index.html`). */
  path: string;
  size: number;
}

export interface OfflinePlan {
  core: SiteFile[];
  extra: SiteFile[];
  tooLarge: SiteFile[];
}

export interface PlanOptions {
  /** Files a core page loads as a resource (an `<img src>`, a stylesheet): always core. */
  embedded?: ReadonlySet<string>;
  /** Workbox's per-file limit, in bytes. */
  maxFileBytes: number;
}

const DECK_PAGE = /^flashcards\/([^/]+)\/index\.html$/;

/** Why a file is left to "Keep everything offline", or null when the first visit needs it. */
export function optionalReason(path: string, hasDecks: boolean): string | null {
  if (/^diagrams\/[^/]+\.svg$/.test(path)) return 'full-size diagram (the page holds it inline)';
  if (path === 'flashcards/all/index.html' && hasDecks) return 'all cards on one page (the decks hold them)';
  if (/^tags\/[^/]+\/index\.html$/.test(path)) return 'tag page';
  if (/^flashcards\/anki\/[^/]+\.txt$/.test(path)) return 'Anki export';
  return null;
}

export function planOffline(
  files: readonly SiteFile[],
  { embedded = new Set(), maxFileBytes }: PlanOptions,
): OfflinePlan {
  const hasDecks = files.some((f) => {
    const deck = DECK_PAGE.exec(f.path)?.[1];
    return deck !== undefined && deck !== 'all' && deck !== 'anki';
  });
  const plan: OfflinePlan = { core: [], extra: [], tooLarge: [] };
  for (const file of files) {
    if (file.size > maxFileBytes) plan.tooLarge.push(file);
    else if (!embedded.has(file.path) && optionalReason(file.path, hasDecks)) plan.extra.push(file);
    else plan.core.push(file);
  }
  return plan;
}

/** The address a reader's browser asks for: `tags/a/index.html` → `tags/a/` (directory format). */
export const fileUrl = (path: string): string => path.replace(/(^|\/)index\.html$/, '$1');

/** What the page shows and fetches for "Keep everything offline" (`offline.json`). */
export interface OfflineManifest {
  /** Files and bytes the first visit downloads. */
  core: { files: number; bytes: number };
  /** Files "Keep everything offline" adds: URL relative to the site's base, and bytes. */
  extra: { url: string; bytes: number }[];
}

export function offlineManifest(plan: OfflinePlan): OfflineManifest {
  return {
    core: { files: plan.core.length, bytes: plan.core.reduce((sum, f) => sum + f.size, 0) },
    extra: plan.extra.map((f) => ({ url: fileUrl(f.path), bytes: f.size })),
  };
}
