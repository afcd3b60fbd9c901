/** The content-quality report: counts per deck and quiz, and the sections nothing practises. */
import { describe, expect, it } from 'vitest';
import { contentReport, uncoveredSections } from '../../../src/domain/content/report.ts';
import { improveDecks } from '../../../src/domain/flashcards/quality.ts';
import { deriveDecks } from '../../../src/domain/flashcards/derive.ts';
import { practiceQuiz } from '../../../src/domain/quiz/practice.ts';
import { noteAnchors } from '../../../src/domain/notes/anchors.ts';

const body = `## Comparison

| Aspect | Stateful | Stateless |
|--------|----------|-----------|
| Scaling | Complex (session affinity) | Simple (any instance) |
| Memory usage | Higher (holds state) | Lower |
| Deployment | Drain sessions first | Replace anytime |

## Trade-offs

### Pros
- Easy to scale horizontally
- No sticky session needed

### Cons
- Need external storage
- Network overhead

## Untouched

Prose only.

### Deeper

More prose.
`;
const notes = [{ slug: 'n', title: 'N', order: 1, body }];
const derived = deriveDecks(notes).decks;
const improved = improveDecks(derived);
const index = new Map([['n', { title: 'N', anchors: noteAnchors(body) }]]);
const practice = practiceQuiz({ slug: 'n', title: 'N', body });

describe('uncoveredSections', () => {
  it('lists ## and ### sections no reference points at or below', () => {
    expect(uncoveredSections(['n#comparison', 'n#pros', 'n#cons'], index).map((s) => s.id)).toEqual([
      'untouched',
      'deeper',
    ]);
    expect(uncoveredSections(['n#deeper', 'n#pros', 'n#cons'], index).map((s) => s.id)).toEqual([
      'comparison',
    ]);
  });
});

describe('contentReport', () => {
  const lines = contentReport({
    decks: improved.decks,
    derivedCounts: Object.fromEntries(derived.map((d) => [d.id, d.cards.length])),
    hits: improved.hits,
    quizzes: practice.quiz ? [{ quiz: practice.quiz, generated: true }] : [],
    skipped: [{ note: 'thin', reason: 'not enough material' }],
    index,
    audit: (decks) => improveDecks(decks).hits,
  });
  it('counts cards before and after, each rule, and what is left', () => {
    const deck = lines.find((l) => l.startsWith('  n (note)')) ?? '';
    expect(deck).toMatch(/^  n \(note\): \d+ → \d+ cards · trivial dropped 1, /);
    expect(deck).toMatch(/left: 0 trivial, 0 vague, 0 near-duplicates, 0 disputed/);
  });
  it('lists questions per type, skipped notes and uncovered sections', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^  practice-n \(generated\): \d+ questions — /));
    expect(lines).toContain('  thin: no practice quiz (not enough material)');
    expect(lines).toContain('  n#untouched (## Untouched)');
  });
});

describe('contentReport edges', () => {
  it('names a derived deck whose cards all merged elsewhere, and audits hand decks without rule counts', () => {
    const hand = {
      id: 'mine',
      title: 'Mine',
      summary: 's',
      origin: 'hand' as const,
      cards: [],
    };
    const lines = contentReport({
      decks: [hand],
      derivedCounts: { gone: 4 },
      hits: [],
      quizzes: [],
      index: new Map(),
      audit: () => [],
    });
    expect(lines).toContain('  gone (note): every card merged into other decks');
    expect(lines.find((l) => l.startsWith('  mine (hand)'))).toBe(
      '  mine (hand): 0 cards · left: 0 trivial, 0 vague, 0 near-duplicates, 0 disputed (0 say so on the card)',
    );
  });
});
