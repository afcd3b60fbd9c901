/**
 * The buttons of src/components/ProgressFile.astro: "Export all progress" downloads one JSON file
 * of every record, "Import progress…" replaces them from such a file (src/domain/progress/file.ts,
 * loaded on first use: the pages that show these buttons should not pay for it up front).
 * Used by /flashcards/ and /progress/.
 */
import { QUIZ_ATTEMPTS } from '../../domain/quiz/attempts.ts';
import { flashcardRecord } from '../../domain/flashcards/queue.ts';
import { browserStore } from '../../domain/progress/storage.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ProgressFileOptions {
  /** Tells the reader what happened (the page's status line). */
  say: (text: string) => void;
  /** After a successful import, before `say`: read the records again and redraw. */
  onImported: () => void;
  /** Whether an import would replace progress (and so asks first); default: a record is stored. */
  hasProgress?: () => boolean;
}

/** True when this browser holds any progress an import would replace. */
function hasStoredProgress(): boolean {
  const store = browserStore();
  try {
    return [QUIZ_ATTEMPTS.key, flashcardRecord.key].some((key) => store?.getItem(key) != null);
  } catch {
    return false;
  }
}

export function initProgressFile(
  root: ParentNode,
  { say, onImported, hasProgress = hasStoredProgress }: ProgressFileOptions,
): void {
  const progressFile = () => import('../../domain/progress/file.ts');

  root.querySelector('[data-export]')?.addEventListener('click', async () => {
    const { exportFileName, exportProgress } = await progressFile();
    const now = new Date();
    const { json, skipped } = exportProgress(browserStore(), now);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = exportFileName(now);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(
      skipped.length
        ? `Exported, without what could not be read: ${skipped.join('; ')}.`
        : `Exported ${link.download}. Keep it somewhere safe; import it here or in another browser.`,
    );
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (
      hasProgress() &&
      !window.confirm('Replace the progress in this browser with the progress in this file?')
    )
      return;
    const { importProgress } = await progressFile();
    const result = importProgress(await file.text(), browserStore(), new Date());
    if (!result.ok) {
      say(`Import failed: ${result.error}`);
      return;
    }
    onImported();
    const s = result.summary;
    say(
      `Imported ${plural(s.cards, 'card')} with ${plural(s.reviews, 'review')} and ${plural(s.quizAttempts, 'quiz attempt')}.`,
    );
  });

  for (const el of root.querySelectorAll<HTMLElement>('.progress-io[data-needs-js]')) el.hidden = false;
}
