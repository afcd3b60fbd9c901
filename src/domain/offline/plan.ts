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
 * - a deck page (`flashcards/<deck>/`), when the deck's cards are there as data
 *   (`flashcards/<deck>/deck.json`, a third of the bytes) and so is the one page that reviews
 *   any deck from its data offline (`offline/deck/`: src/domain/offline/deck-data.ts);
 * - a quiz page (`quizzes/<quiz>/`), when its fragment is there (`quizzes/<quiz>/body.html`: its
 *   title and questions, without the site's frame) and so is the one page that shows any quiz
 *   from its fragment offline (`offline/quiz/`: src/domain/offline/quiz-fragment.ts);
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
  /** Files nothing on the site loads (searchEnginesUnused): for "Keep everything offline" only. */
  unused?: ReadonlySet<string>;
}

/**
 * Pagefind's search engines (`pagefind/wasm.<language>.pagefind`) that no language of the index
 * uses (`pagefind-entry.json` names the engine each language loads): Pagefind writes the
 * engine for text of unknown language whatever the pages' language, and a site all in English
 * never loads it. Nothing when the entry cannot be read.
 */
export function searchEnginesUnused(entryJson: string, paths: Iterable<string>): string[] {
  let used: Set<string>;
  try {
    const entry = JSON.parse(entryJson) as { languages?: Record<string, { wasm?: unknown }> };
    used = new Set(Object.values(entry.languages ?? {}).map((l) => String(l.wasm)));
  } catch {
    return [];
  }
  if (!used.size) return [];
  return [...paths].filter((p) => {
    const engine = /^pagefind\/wasm\.([^/]+)\.pagefind$/.exec(p)?.[1];
    return engine !== undefined && !used.has(engine);
  });
}

const DECK_PAGE = /^flashcards\/([^/]+)\/index\.html$/;
/** The page that reviews any deck offline from its data (src/pages/offline/deck.astro). */
export const OFFLINE_DECK_PAGE = 'offline/deck/index.html';
/** What the worker shows offline for a page of the site this browser has not kept. */
export const NOT_KEPT_PAGE = 'offline/not-kept/index.html';
export const deckDataPath = (deck: string): string => `flashcards/${deck}/deck.json`;
const QUIZ_PAGE = /^quizzes\/([^/]+)\/index\.html$/;
/** The page that shows any quiz offline from its fragment (src/pages/offline/quiz.astro). */
export const OFFLINE_QUIZ_PAGE = 'offline/quiz/index.html';
export const quizFragmentPath = (quiz: string): string => `quizzes/${quiz}/body.html`;

/** What else is in dist/ that decides whether a file can wait. */
export interface SiteShape {
  /** The site has decks (besides `all`). */
  hasDecks: boolean;
  /** Paths of every file in dist/. */
  paths: ReadonlySet<string>;
}

export function siteShape(paths: Iterable<string>): SiteShape {
  const set = new Set(paths);
  const hasDecks = [...set].some((p) => {
    const deck = DECK_PAGE.exec(p)?.[1];
    return deck !== undefined && deck !== 'all' && deck !== 'anki';
  });
  return { hasDecks, paths: set };
}

/** Why a file is left to "Keep everything offline", or null when the first visit needs it. */
export function optionalReason(path: string, { hasDecks, paths }: SiteShape): string | null {
  if (/^diagrams\/[^/]+\.svg$/.test(path)) return 'full-size diagram (the page holds it inline)';
  if (path === 'flashcards/all/index.html' && hasDecks) return 'all cards on one page (the decks hold them)';
  const deck = DECK_PAGE.exec(path)?.[1];
  if (deck && paths.has(deckDataPath(deck)) && paths.has(OFFLINE_DECK_PAGE))
    return 'deck page (offline, the review reads the deck’s data)';
  const quiz = QUIZ_PAGE.exec(path)?.[1];
  if (quiz && paths.has(quizFragmentPath(quiz)) && paths.has(OFFLINE_QUIZ_PAGE))
    return 'quiz page (offline, the quiz is shown from its fragment)';
  if (/^tags\/[^/]+\/index\.html$/.test(path)) return 'tag page';
  if (/^flashcards\/anki\/[^/]+\.txt$/.test(path)) return 'Anki export';
  return null;
}

export function planOffline(
  files: readonly SiteFile[],
  { embedded = new Set(), maxFileBytes, unused = new Set() }: PlanOptions,
): OfflinePlan {
  const shape = siteShape(files.map((f) => f.path));
  const plan: OfflinePlan = { core: [], extra: [], tooLarge: [] };
  for (const file of files) {
    if (file.size > maxFileBytes) plan.tooLarge.push(file);
    else if (unused.has(file.path)) plan.extra.push(file);
    else if (!embedded.has(file.path) && optionalReason(file.path, shape)) plan.extra.push(file);
    else plan.core.push(file);
  }
  return plan;
}

/** The address a reader's browser asks for: `tags/a/index.html` → `tags/a/` (directory format). */
export const fileUrl = (path: string): string => path.replace(/(^|\/)index\.html$/, '$1');

/** What the page shows and fetches for "Keep everything offline" (`offline.json`). */
export interface OfflineManifest {
  /** Files and bytes the first visit downloads, and the bytes of each kind of file among them. */
  core: { files: number; bytes: number; kinds?: Partial<Record<FileKind, number>> };
  /** Files "Keep everything offline" adds: URL relative to the site's base, and bytes. */
  extra: { url: string; bytes: number }[];
}

/** What a reader would call a file of the site, for "what is kept, and how big". */
export type FileKind =
  'notes' | 'quizzes' | 'flashcards' | 'search' | 'cheat sheets' | 'styles and scripts' | 'other';

export function fileKind(path: string): FileKind {
  const top = path.split('/')[0];
  if (top === 'notes' || top === 'quizzes' || top === 'flashcards') return top;
  if (top === 'pagefind' || top === 'search') return 'search';
  if (top === 'cheatsheets') return 'cheat sheets';
  if (top === '_astro' || /^sw[-.]/.test(path)) return 'styles and scripts';
  return 'other';
}

export function offlineManifest(plan: OfflinePlan): OfflineManifest {
  const kinds: Partial<Record<FileKind, number>> = {};
  for (const f of plan.core) kinds[fileKind(f.path)] = (kinds[fileKind(f.path)] ?? 0) + f.size;
  return {
    core: { files: plan.core.length, bytes: plan.core.reduce((sum, f) => sum + f.size, 0), kinds },
    extra: plan.extra.map((f) => ({ url: fileUrl(f.path), bytes: f.size })),
  };
}

/**
 * The deck a `/flashcards/<deck>/` address names (under the site's base), or null: the deck
 * list itself, an Anki file or any other address.
 */
export function deckIdFromPath(pathname: string, base: string): string | null {
  const prefix = `${base.replace(/\/?$/, '/')}flashcards/`;
  if (!pathname.startsWith(prefix)) return null;
  const m = /^([^/]+)\/(?:index\.html)?$/.exec(pathname.slice(prefix.length));
  if (!m || m[1] === 'anki') return null;
  try {
    return decodeURIComponent(m[1] as string);
  } catch {
    return null;
  }
}

/** The quiz a `/quizzes/<quiz>/` address names (under the site's base), or null. */
export function quizIdFromPath(pathname: string, base: string): string | null {
  const prefix = `${base.replace(/\/?$/, '/')}quizzes/`;
  if (!pathname.startsWith(prefix)) return null;
  const m = /^([^/]+)\/(?:index\.html)?$/.exec(pathname.slice(prefix.length));
  try {
    return m ? decodeURIComponent(m[1] as string) : null;
  } catch {
    return null;
  }
}

/** What the worker answers, offline, for a page it has not kept. */
export type OfflineFallback = 'deck' | 'quiz' | 'not-kept' | 'not-found';

/**
 * Offline, for an address neither precached nor cached: a deck is reviewed from its data
 * (`deck`), a quiz shown from its fragment (`quiz`); a page of the site this browser has not kept says so and offers "Keep everything
 * offline" (`not-kept`); anything else is the site's 404 page. `later` is the site's other
 * files left to "Keep everything offline" (addresses relative to the base, as in offline.json),
 * apart from decks, quizzes and full-size diagrams, which are told by their address.
 *
 * The service worker runs this very function (its source is written into the worker by
 * src/integrations/service-worker.ts), so it uses nothing but its arguments.
 */
export function offlineFallback(pathname: string, base: string, later: readonly string[]): OfflineFallback {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return 'not-found';
  let path = pathname.slice(root.length);
  try {
    path = decodeURI(path);
  } catch {
    return 'not-found';
  }
  path = path.replace(/(^|\/)index\.html$/, '$1');
  const deck = /^flashcards\/([^/]+)\/$/.exec(path)?.[1];
  if (deck && deck !== 'anki') return 'deck';
  if (/^quizzes\/[^/]+\/$/.test(path)) return 'quiz';
  if (/^diagrams\/[^/]+\.svg$/.test(path) || later.includes(path)) return 'not-kept';
  return 'not-found';
}
