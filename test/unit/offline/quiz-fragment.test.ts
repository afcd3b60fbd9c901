import { describe, expect, it } from 'vitest';
import { quizFragment } from '../../../src/domain/offline/quiz-fragment.ts';

const page = (main: string) =>
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Practice: Caching · Tradeoffs</title>' +
  '<link rel="stylesheet" href="/_astro/Base.css"></head><body><header class="site-header"><nav>…</nav></header>' +
  `<main id="main" tabindex="-1">${main}</main><footer class="site-footer"><p>Tradeoffs</p></footer></body></html>`;

describe('quizFragment', () => {
  const quiz =
    '<article class="quiz" data-quiz-id="practice-caching" data-key-url="/quizzes/practice-caching/key.json">' +
    '<h1>Practice: Caching</h1><ol class="questions"><li class="question" data-qid="q1">…</li></ol></article>';
  const templates =
    '<template data-template="verdict"><p class="verdict"><strong data-slot="word"></strong></p></template>' +
    '<template data-template="notice"><p></p></template>';

  it("keeps the page's title and what its main holds, not the site's frame or the templates", () => {
    const fragment = quizFragment(page(quiz + templates));
    expect(fragment).toBe(`<!DOCTYPE html><title>Practice: Caching · Tradeoffs</title>${quiz}`);
    expect(fragment).not.toContain('site-header');
    expect(fragment).not.toContain('stylesheet');
  });

  it('is null for a page that holds no quiz', () => {
    expect(quizFragment(page('<h1>Quizzes</h1><ul class="quiz-grid"></ul>'))).toBeNull();
    expect(quizFragment('<p>no page</p>')).toBeNull();
  });
});
