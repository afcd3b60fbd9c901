/**
 * Build time: the part of a built quiz page that differs from quiz to quiz — its title and the
 * content of its `<main>` — as a small file next to it (`quizzes/<id>/body.html`). The first
 * visit keeps these instead of the pages; offline, the one offline quiz page (src/pages/offline/
 * quiz.astro) shows a quiz from its fragment in the site's own frame. The same markup as the
 * page, so there is one renderer; the templates the quiz script fills are the same on every
 * quiz page, so the offline page carries them and the fragment leaves them out. Pure.
 */

/** The fragment of a quiz page, or null when the page is not a quiz page. */
export function quizFragment(html: string): string | null {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1];
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (title === undefined || main === undefined || !/\sdata-quiz-id="/.test(main)) return null;
  const body = main.replace(/<template\b[^>]*>[\s\S]*?<\/template>/g, '');
  return `<!DOCTYPE html><title>${title}</title>${body}`;
}
