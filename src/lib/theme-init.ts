import { createHash } from 'node:crypto';

import { THEME_STORAGE_KEY } from './theme-keys.ts';

/**
 * Runs before first paint (a classic, render-blocking inline script), so a stored choice
 * never flashes the other theme. Its SHA-256 goes into the CSP; nothing else is inline.
 * It also marks the page `.js`, so space for script-built parts (the flashcard review) is
 * reserved from the first paint instead of pushing the page down when they appear.
 */
export const THEME_INIT_SCRIPT = `document.documentElement.classList.add("js");try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export const THEME_INIT_HASH: `sha256-${string}` = `sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}`;
