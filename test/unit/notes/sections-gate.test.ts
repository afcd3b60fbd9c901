/** `_section.yaml` files go through the content gate: a bad one stops check:content and the build. */
import { afterEach, describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/gate.ts';
import { gateContent, gateSections, readSectionFiles } from '../../../src/integrations/load-notes.ts';

const DIR = 'test/fixtures/malformed/sections';
const saved = process.env.TRADEOFFS_NOTES_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.TRADEOFFS_NOTES_DIR;
  else process.env.TRADEOFFS_NOTES_DIR = saved;
});

describe('the section gate', () => {
  it('reads every _section.yaml under the notes folder, dot-folders left out', async () => {
    const files = await readSectionFiles(process.cwd(), DIR);
    expect(files.map((f) => f.path)).toEqual([`${DIR}/networking/_section.yaml`]);
  });

  it('names file, line and field for each problem', async () => {
    const { sections, errors } = await gateSections(process.cwd(), DIR);
    expect(sections.size).toBe(0);
    expect(errors.map(formatContentError)).toEqual([
      expect.stringMatching(new RegExp(`^${DIR}/networking/_section\\.yaml:3: field "order": .*number`)),
      expect.stringMatching(
        new RegExp(`^${DIR}/networking/_section\\.yaml:4: field "titel": unknown key "titel"`),
      ),
    ]);
  });

  it('is wired into gateContent (and so check:content and the build)', async () => {
    process.env.TRADEOFFS_NOTES_DIR = DIR;
    const none = 'test/fixtures/none';
    const content = await gateContent(process.cwd(), {
      quizzes: none,
      cards: none,
      compare: none,
      decide: none,
      pricing: `${none}/pricing.yaml`,
    });
    expect(content.notes.map((n) => n.data.slug)).toEqual(['dns']);
    expect(content.errors.map((e) => `${e.file}:${e.line}`)).toEqual([
      `${DIR}/networking/_section.yaml:3`,
      `${DIR}/networking/_section.yaml:4`,
    ]);
  });

  it('a valid one is read by folder', async () => {
    const { sections, errors } = await gateSections(process.cwd(), 'test/fixtures/sections/notes');
    expect(errors).toEqual([]);
    expect([...sections]).toEqual([['networking', { title: 'Networking basics', order: 1 }]]);
  });
});
