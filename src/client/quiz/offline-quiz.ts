/**
 * The offline quiz page (src/pages/offline/quiz.astro): which quiz the address names, its title
 * and questions from the precached fragment (src/domain/offline/quiz-fragment.ts), then the same
 * progress panel and quiz script as the quiz page.
 */
import { quizFragmentPath, quizIdFromPath } from '../../domain/offline/plan.ts';
import { BASE, href } from '../../lib/url.ts';
import { initProgressPanel } from './progress-panel.ts';
import { initQuiz } from './quiz.ts';

export async function initOfflineQuiz(): Promise<void> {
  const holder = document.querySelector<HTMLElement>('[data-offline-quiz]');
  if (!holder) return;
  const id = quizIdFromPath(location.pathname, BASE);
  const response = id ? await fetch(href(`/${quizFragmentPath(id)}`)).catch(() => null) : null;
  const doc = response?.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : null;
  if (!doc?.querySelector('[data-quiz-id]')) {
    const missing = holder.querySelector<HTMLElement>('[data-quiz-missing]');
    if (missing) missing.hidden = false;
    const title = holder.querySelector<HTMLElement>('[data-offline-quiz-title]');
    if (title) title.textContent = 'Quiz not available offline';
    holder.removeAttribute('aria-busy');
    return;
  }
  // For readers without JavaScript only; this page runs only with it.
  for (const el of doc.querySelectorAll('noscript')) el.remove();
  document.title = doc.title;
  holder.replaceWith(...doc.body.childNodes);
  initProgressPanel();
  initQuiz();
  // The browser looked for the address's #question before the quiz was there.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}
