/**
 * README's "Reliability suite" table comes from the suite itself: each row is the count of the
 * cases in cases.ts (run by the tests next to this file and by test/e2e/tabs.spec.ts), and the
 * rows of notes.md. A case added without updating the table, or a table edited by hand, fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './cases.ts';

export function rows(): string[] {
  return Object.entries(CATEGORIES).map(([category, cases]) => {
    const refused = cases.filter((c) => c.expect === 'refused').length;
    // Every test asserts nothing was lost or run; a failure fails the suite instead of counting here.
    return `| ${category} | ${cases.length} | ${refused} | ${cases.length - refused} | 0 |`;
  });
}

describe('reliability: the README table', () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('## Reliability suite'));

  it('has one row per category, with the counts of the cases run', () => {
    expect(readme).toContain('## Reliability suite');
    for (const row of rows()) expect(table, `README row:\n${rows().join('\n')}`).toContain(row);
  });

  it('includes the note rows', () => {
    const noteRows = readFileSync('test/reliability/notes.md', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| '));
    expect(noteRows.length).toBeGreaterThan(0);
    for (const row of noteRows) expect(table).toContain(row);
  });
});
