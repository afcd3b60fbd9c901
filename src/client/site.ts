/**
 * What every page runs: the theme toggle, the search shortcuts (the search box itself loads on first focus) and the
 * offline service worker. One entry script rather than one per component: each entry is a request
 * of its own on every page, and a note page's budget is eight.
 */
import { registerServiceWorker } from './offline.ts';
import { initSearchBoot } from './search/boot.ts';
import { initThemeToggle } from './theme.ts';

initThemeToggle();
initSearchBoot();
registerServiceWorker();
