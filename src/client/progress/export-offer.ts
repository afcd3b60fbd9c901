/**
 * The export offered when storage could not take what a page holds (src/components/ExportOffer.astro):
 * a quiz result, a review's ratings. The file holds that page's copy of the record in place of the
 * stored one. Pages load this module only when they need it (storage full), so the pages that
 * never do pay nothing for it.
 */
import { downloadProgress } from './file-ui.ts';

/**
 * Shows the offer inside `root`; a click downloads every record, with `unsaved()` (record key →
 * the page's value, read at the click) in place of what is stored, and passes the sentence to `say`.
 */
export function offerExport(
  root: ParentNode,
  unsaved: () => ReadonlyMap<string, unknown>,
  say: (text: string) => void,
): void {
  const offer = root.querySelector<HTMLElement>('[data-export-offer]');
  if (!offer) return;
  if (offer.dataset.wired === undefined) {
    offer.dataset.wired = '';
    offer
      .querySelector('[data-export]')
      ?.addEventListener('click', async () => say(await downloadProgress(unsaved())));
  }
  offer.hidden = false;
}
