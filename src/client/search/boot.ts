/**
 * The only search code a page loads up front (a few hundred bytes): the `/` and Ctrl/Cmd+K
 * shortcuts, and the import of the real search box on first focus.
 */
import { isSearchShortcut } from '../../domain/search/keys.ts';
import { lazy } from '../lazy.ts';

const searchBox = lazy('search', () => import('./box.ts'));

export function initSearchBoot(): void {
  const form = document.querySelector<HTMLFormElement>('[data-site-search]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!form || !input) return;
  let attached: Promise<void> | undefined;
  input.addEventListener('focus', () => {
    attached ??= searchBox()
      .then(({ attachSearchBox }) => attachSearchBox(form, input))
      .catch(() => {
        // Said by lazy(); the next focus tries again.
        attached = undefined;
      });
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const inField = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const { key, ctrlKey, metaKey, altKey } = event;
    if (event.defaultPrevented || !isSearchShortcut({ key, ctrlKey, metaKey, altKey, inField })) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
