/**
 * The export offered when storage could not take what a page holds (src/components/ExportOffer.astro):
 * a quiz result, a review's ratings. The file holds that page's copy of the record in place of the
 * stored one. The export code (./file-ui.ts) is loaded on the click, not with the page.
 */
import { lazy } from '../lazy.ts';

const fileUi = lazy('the export', () => import('./file-ui.ts'));

/**
 * Wires the offer inside `root`: a click downloads every record, with `unsaved()` (record key →
 * the page's value) in place of what is stored, and passes the sentence to `say`. Returns the
 * function that shows (or, once a later save went through, hides) the offer.
 */
export function exportOffer(
  root: ParentNode,
  unsaved: () => ReadonlyMap<string, unknown>,
  say: (text: string) => void,
): (shown?: boolean) => void {
  const offer = root.querySelector<HTMLElement>('[data-export-offer]');
  offer?.querySelector('[data-export]')?.addEventListener('click', async () => {
    const { downloadProgress } = await fileUi();
    say(await downloadProgress(unsaved()));
  });
  return (shown = true) => {
    if (offer) offer.hidden = !shown;
  };
}
