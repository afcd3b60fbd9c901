import { describe, expect, it } from 'vitest';
import { emptyProgress, flashcardRecord } from '../../../src/domain/flashcards/queue.ts';
import { repairProgress, unusableReason } from '../../../src/domain/flashcards/repair.ts';
import { preview } from '../../../src/domain/flashcards/scheduler.ts';
import { readRecord } from '../../../src/domain/progress/storage.ts';
import type { FsrsCardState } from '../../../src/schemas/progress.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const good: FsrsCardState = {
  due: '2026-12-01T09:00:00.000Z',
  stability: 3,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 3,
  lapses: 0,
  state: 2,
  last_review: '2026-11-28T09:00:00.000Z',
};

describe('card states the scheduler cannot take', () => {
  it.each([
    ['stability 0', { stability: 0 }, /stability 0/],
    ['difficulty 0', { difficulty: 0 }, /difficulty 0/],
    ['difficulty 11', { difficulty: 11 }, /difficulty 11/],
    ['a due date that is not a date', { due: '2026-13-45T00:00:00Z' }, /due date .* is not a date/],
    [
      'a last review that is not a date',
      { last_review: '2026-02-31T99:00:00Z' },
      /last review .* is not a date/,
    ],
  ])('%s: named, and the card is set aside as new', (_, change, reason) => {
    const state = { ...good, ...change };
    expect(unusableReason(state)).toMatch(reason);
    const repair = repairProgress({ ...emptyProgress(), cards: { 'd/a': state, 'd/b': good } }, NOW);
    expect(repair?.value.cards).toEqual({ 'd/b': good });
    expect(repair?.removed).toEqual({ setAside: { 'd/a': state } });
    expect(repair?.notes[0]).toMatch(
      /^1 card had a saved state the scheduler cannot use \(d\/a: .*\): it starts again as new/,
    );
  });

  it('ts-fsrs really throws on those states (why they are set aside)', () => {
    expect(() => preview({ ...good, stability: 0 }, NOW)).toThrow();
    expect(() => preview({ ...good, last_review: '2027-01-01T00:00:00.000Z' }, NOW)).toThrow();
  });

  it('a last review in the future is moved to now, and then the scheduler takes it', () => {
    const future = { ...good, last_review: '2027-01-01T00:00:00.000Z' };
    const repair = repairProgress({ ...emptyProgress(), cards: { 'd/a': future, 'd/b': future } }, NOW);
    expect(repair?.value.cards['d/a']?.last_review).toBe(NOW.toISOString());
    expect(repair?.notes).toEqual([
      '2 cards had a last review in the future: moved to now, so review can go on',
    ]);
    expect(repair?.removed).toBeUndefined();
    expect(() => preview(repair?.value.cards['d/a'], NOW)).not.toThrow();
  });

  it('new cards and sound states need no repair', () => {
    expect(
      repairProgress(
        { ...emptyProgress(), cards: { a: good, b: { ...good, state: 0, stability: 0, difficulty: 0 } } },
        NOW,
      ),
    ).toBeUndefined();
  });

  it('on read: repaired, told, and the old state kept aside once', () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
    };
    const two = { ...good, stability: 0 };
    map.set(
      flashcardRecord.key,
      JSON.stringify({ version: 1, data: { ...emptyProgress(), cards: { 'd/a': two, 'd/b': { ...two } } } }),
    );
    const first = readRecord(store, flashcardRecord, NOW);
    expect(first).toMatchObject({ status: 'ok', writable: true });
    expect(first.value.cards).toEqual({});
    expect(first.repaired?.[0]).toMatch(/^2 cards .*: they start again as new, their ratings stay/);
    readRecord(store, flashcardRecord, new Date(NOW.getTime() + 60_000));
    const copies = [...map.keys()].filter((k) => k.includes('.corrupt.'));
    expect(copies).toEqual([first.keptAs]);
    expect(JSON.parse(map.get(first.keptAs as string) ?? '')).toEqual({
      setAside: { 'd/a': two, 'd/b': two },
    });
    // A read-only read repairs what it returns but writes nothing.
    map.clear();
    map.set(
      flashcardRecord.key,
      JSON.stringify({ version: 1, data: { ...emptyProgress(), cards: { x: two } } }),
    );
    expect(readRecord(store, flashcardRecord, NOW, { readOnly: true }).value.cards).toEqual({});
    expect(map.size).toBe(1);
  });
});
