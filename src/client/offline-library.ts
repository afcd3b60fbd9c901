/**
 * The "Offline" panel on /progress/: how much of the site this browser keeps for offline use,
 * and "Keep everything offline" for the files the first visit leaves out (deck pages, full-size
 * diagrams, tag pages, the all-cards page: see src/domain/offline/plan.ts). Those go into the cache the
 * service worker already reads pages from when the network is gone, so nothing else changes.
 * Kept apart from offline.ts (registration and the update prompt).
 */
import type { OfflineManifest } from '../domain/offline/plan.ts';
import { BASE } from '../lib/url.ts';

/** Must match EXTRA_CACHE in src/integrations/service-worker.ts. */
const EXTRA_CACHE = 'tradeoffs-extra';
const PARALLEL = 4;

export const formatBytes = (bytes: number): string =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

async function missingExtras(manifest: OfflineManifest, base: string): Promise<OfflineManifest['extra']> {
  const cache = await caches.open(EXTRA_CACHE);
  const cached = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  return manifest.extra.filter((f) => !cached.has(new URL(f.url, new URL(base, location.origin)).pathname));
}

export function initOfflineLibrary(): void {
  const panel = document.querySelector<HTMLElement>('[data-offline-library]');
  if (!panel || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const summary = panel.querySelector<HTMLElement>('[data-offline-summary]');
  const extraLine = panel.querySelector<HTMLElement>('[data-offline-extra]');
  const breakdown = panel.querySelector<HTMLElement>('[data-offline-kinds]');
  const keep = panel.querySelector<HTMLButtonElement>('[data-offline-keep]');
  const status = panel.querySelector<HTMLElement>('[data-offline-status]');
  if (!summary || !extraLine || !breakdown || !keep || !status) return;
  const base = BASE;
  panel.hidden = false;

  let manifest: OfflineManifest | null = null;
  const show = async () => {
    manifest ??= (await fetch(`${base}offline.json`).then((r) =>
      r.ok ? r.json() : null,
    )) as OfflineManifest | null;
    if (!manifest) {
      summary.textContent = 'Offline use is not available on this copy of the site.';
      return;
    }
    const controlled = Boolean(navigator.serviceWorker.controller);
    summary.textContent = controlled
      ? `Every note, cheat sheet, quiz, deck, search and this page work offline in this browser (${manifest.core.files} files, ${formatBytes(manifest.core.bytes)}).`
      : `Every note, cheat sheet, quiz, deck, search and this page will work offline once this visit finishes downloading them (${manifest.core.files} files, ${formatBytes(manifest.core.bytes)}).`;
    const kinds = Object.entries(manifest.core.kinds ?? {}).sort((a, b) => b[1] - a[1]);
    breakdown.hidden = kinds.length === 0;
    breakdown.textContent = kinds.length
      ? `Of which ${kinds.map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`).join(', ')}.`
      : '';
    const missing = await missingExtras(manifest, base);
    const bytes = missing.reduce((sum, f) => sum + f.bytes, 0);
    extraLine.hidden = false;
    keep.hidden = missing.length === 0;
    extraLine.textContent = missing.length
      ? `Not kept yet: ${missing.length} more files — deck and quiz pages (kept as data and shown offline anyway), full-size diagrams, tag pages and the all-cards page (${formatBytes(bytes)}). Pages you open are kept as you go.`
      : `Everything else is kept too (${manifest.extra.length} more files).`;
  };

  keep.addEventListener('click', async () => {
    if (!manifest) return;
    keep.disabled = true;
    const missing = await missingExtras(manifest, base);
    const cache = await caches.open(EXTRA_CACHE);
    let done = 0;
    let failed = 0;
    const queue = [...missing];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const url = new URL(file.url, new URL(base, location.origin));
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(String(response.status));
          await cache.put(url, response);
        } catch {
          failed += 1;
        }
        done += 1;
        if (done % 20 === 0 || done === missing.length)
          status.textContent = `Saving for offline use: ${done} of ${missing.length}…`;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    status.textContent = failed
      ? `Saved ${done - failed} of ${missing.length} files; ${failed} could not be fetched (offline?). Try again later.`
      : `Saved: the whole site now works offline in this browser.`;
    keep.disabled = false;
    await show();
  });

  void show().catch(() => {
    summary.textContent = 'Could not read what is kept for offline use.';
  });
}
