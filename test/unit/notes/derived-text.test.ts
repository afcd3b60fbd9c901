import { describe, expect, it } from 'vitest';
import { derivedText } from '../../../src/domain/notes/obsidian.ts';
import { noteDefinitions } from '../../../src/domain/notes/definitions.ts';
import { noteTables } from '../../../src/domain/notes/tables.ts';

describe('derived text shows what a reader sees of Obsidian syntax', () => {
  it('turns links into their words, drops embeds and highlight marks, keeps lines', () => {
    const body =
      'See [[Sharding|shards]] and [[Replication#Lag]].\n![[diagram.png]] ==hot keys== matter\nx == y';
    expect(derivedText(body)).toBe('See shards and Replication › Lag.\n hot keys matter\nx == y');
  });

  it('leaves code as written', () => {
    expect(derivedText('`[[not a link]]` and ==a==')).toBe('`[[not a link]]` and a');
  });

  it('reaches the cards: table cells and definitions carry no brackets', () => {
    const body = [
      '## Compare',
      '',
      '| Aspect | [[Stateful]] | Stateless |',
      '| --- | --- | --- |',
      '| Scaling | ==Hard== with [[Sticky sessions|stickiness]] | Easy |',
      '',
      '## Terms',
      '',
      '- **Shard key**: the field that routes a row, see [[Sharding#Keys|keys]]',
    ].join('\n');
    const [table] = noteTables('n', body);
    expect(table?.header).toEqual(['Aspect', 'Stateful', 'Stateless']);
    expect(table?.rows[0]).toEqual(['Scaling', 'Hard with stickiness', 'Easy']);
    const text = JSON.stringify(noteDefinitions('n', body));
    expect(text).not.toContain('[[');
    expect(text).toContain('see keys');
  });
});
