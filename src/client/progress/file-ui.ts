/**
 * The buttons of src/components/ProgressFile.astro: "Export all progress" downloads one JSON file
 * of every record, "Import progress…" merges such a file into this browser's progress
 * (src/domain/progress/file.ts, loaded on first use: the pages that show these buttons should not
 * pay for it up front). Used by /flashcards/ and /progress/, and by a review when storage is full.
 */
import { importMessage } from '../../domain/progress/messages.ts';
import { browserStore } from '../../domain/progress/storage.ts';
import { lazy } from '../lazy.ts';

const progressFile = lazy('export and import', () => import('../../domain/progress/file.ts'));

export interface ProgressFileOptions {
  /** Tells the reader what happened (the page's status line). */
  say: (text: string) => void;
  /** After a successful import, before `say`: read the records again and redraw. */
  onImported: () => void;
}

/**
 * Downloads every record; `unsaved` replaces a stored record with what a page holds that storage
 * could not take. Returns the sentence for the reader.
 */
export async function downloadProgress(unsaved?: ReadonlyMap<string, unknown>): Promise<string> {
  const { exportFileName, exportProgress } = await progressFile();
  const now = new Date();
  const { json, skipped } = exportProgress(browserStore(), now, unsaved);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  link.download = exportFileName(now);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return skipped.length
    ? `Exported, without what could not be read: ${skipped.join('; ')}.`
    : `Exported ${link.download}. Keep it somewhere safe; import it here or in another browser.`;
}

export function initProgressFile(root: ParentNode, { say, onImported }: ProgressFileOptions): void {
  root.querySelector('[data-export]')?.addEventListener('click', async () => say(await downloadProgress()));

  const input = root.querySelector<HTMLInputElement>('[data-import]');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // No confirmation: an import merges, so nothing in this browser is replaced or lost.
    const { importProgress } = await progressFile();
    const result = importProgress(await file.text(), browserStore(), new Date());
    if (!result.ok) {
      say(`Import failed: ${result.error}`);
      return;
    }
    onImported();
    say(importMessage(result.summary));
  });

  for (const el of root.querySelectorAll<HTMLElement>('.progress-io[data-needs-js]')) el.hidden = false;
}
