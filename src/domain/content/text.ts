/**
 * Small text helpers every feature needs the same way: counts in words, URL-safe slugs, and the
 * key under which two labels count as the same words.
 */

const rules = new Intl.PluralRules('en');

/** The word for a count: `pluralWord(1, 'card')` → `card`, `pluralWord(2, 'card')` → `cards`. */
export const pluralWord = (count: number, one: string, many = `${one}s`): string =>
  rules.select(count) === 'one' ? one : many;

/** A count and its word: `plural(1, 'card')` → `1 card`, `plural(3, 'quiz', 'quizzes')` → `3 quizzes`. */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${pluralWord(count, one, many)}`;

/**
 * A URL-safe slug: `Café & Crème — “Notes”!` → `cafe-and-creme-notes`. Accents are dropped
 * (not turned into dashes) and `&` is read as "and"; `max` cuts long slugs at a dash boundary's
 * worth of care (no trailing dash). Empty when the text has no letters or digits.
 */
export function slugify(text: string, { max }: { max?: number } = {}): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return max === undefined ? slug : slug.slice(0, max).replace(/-+$/, '');
}

/** Same words, ignoring case, punctuation and spacing: "Fault-tolerance" = "fault tolerance". */
export const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
