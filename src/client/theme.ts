import { THEME_STORAGE_KEY } from '../lib/theme-keys.ts';

type Choice = 'auto' | 'light' | 'dark';
const ORDER: Choice[] = ['auto', 'light', 'dark'];
const LABEL: Record<Choice, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

function stored(): Choice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto'; // storage blocked (private mode, policy): the OS setting still works
  }
}

function apply(choice: Choice, button: HTMLButtonElement): void {
  const root = document.documentElement;
  if (choice === 'auto') delete root.dataset.theme;
  else root.dataset.theme = choice;
  const label = button.querySelector('[data-theme-label]');
  if (label) label.textContent = LABEL[choice];
  // The name starts with the visible text, so voice control ("click Auto") finds the button.
  button.setAttribute(
    'aria-label',
    `${LABEL[choice]} theme${choice === 'auto' ? ' (follows your system)' : ''}: activate to change`,
  );
}

/** Cycles auto → light → dark and remembers the choice for every page. */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  let current = stored();
  apply(current, button);
  button.hidden = false;
  button.addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] as Choice;
    current = next;
    try {
      if (next === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      /* the choice still applies to this page */
    }
    apply(next, button);
  });
}
