/**
 * Modules a page loads on first use. When one cannot be loaded — its file is gone because a newer
 * build took over in another tab (content-hashed names change), or the network is down — the page
 * must not fail silently: `tradeoffs:stale` makes src/client/offline.ts say so, with a Reload.
 */
export const STALE_EVENT = 'tradeoffs:stale';

export function lazy<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      window.dispatchEvent(new CustomEvent(STALE_EVENT, { detail: { what } }));
      throw error;
    });
}
