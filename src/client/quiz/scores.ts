/** Best and last score of each quiz card, from this browser's saved attempts. */
import { QUIZ_ATTEMPTS, describeSummary, summarize } from '../../domain/quiz/attempts.ts';
import { browserStore, readRecord } from '../../domain/progress/storage.ts';

export function showQuizScores(): void {
  const cards = document.querySelectorAll<HTMLElement>('[data-quiz-score]');
  if (!cards.length) return;
  // Read only: a corrupt record is kept aside by the quiz page itself, where the reader is told.
  const { value } = readRecord(browserStore(), QUIZ_ATTEMPTS, new Date(), { readOnly: true });
  for (const card of cards) {
    const text = describeSummary(summarize(value, card.dataset.quizScore ?? ''));
    if (!text) continue;
    card.textContent = text;
    card.classList.add('has-score');
  }
}
