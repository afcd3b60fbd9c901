/** One page of each type, for the checks that run on every page type. */
export const PAGE_TYPES = {
  home: '/',
  notes: '/notes/',
  note: '/notes/architecture-paradigms/',
  'note with tables and missing images': '/notes/stateless-vs-stateful-architecture/',
  tags: '/tags/',
  tag: '/tags/stateless/',
  quizzes: '/quizzes/',
  quiz: '/quizzes/serverless-or-servers/',
  flashcards: '/flashcards/',
  'flashcard deck': '/flashcards/sessions-and-state/',
  progress: '/progress/',
  search: '/search/',
  'search with a query': '/search/?q=sticky+sessions',
  'cheat sheets': '/cheatsheets/',
  'cheat sheet': '/cheatsheets/architecture-paradigms/',
  compare: '/compare/',
  comparison: '/compare/stateful-vs-stateless/',
  cost: '/cost/',
  decide: '/decide/',
  'not found': '/404.html',
} as const;

/** The note with the most diagrams (seed 000). */
export const DIAGRAM_NOTE = PAGE_TYPES.note;
