/**
 * `npm run schemas`: writes the JSON Schemas that editors use to autocomplete and underline
 * content files (each YAML file references its schema in a `yaml-language-server` comment).
 * `npm run schemas -- --check` fails when a checked-in schema no longer matches the zod source.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ComparisonSchema, VocabularySchema } from '../src/schemas/compare.ts';
import { DecisionWalkerSchema } from '../src/schemas/decide.ts';
import { DeckFileSchema } from '../src/schemas/deck.ts';
import { PricingSchema } from '../src/schemas/pricing.ts';
import { QuizSchema } from '../src/schemas/quiz.ts';

const targets = [
  { file: 'quizzes/quiz.schema.json', schema: QuizSchema, title: 'Tradeoffs quiz' },
  { file: 'content/cards/deck.schema.json', schema: DeckFileSchema, title: 'Tradeoffs flashcard deck' },
  {
    file: 'content/compare/vocabulary.schema.json',
    schema: VocabularySchema,
    title: 'Tradeoffs comparison vocabulary',
  },
  { file: 'content/compare/comparison.schema.json', schema: ComparisonSchema, title: 'Tradeoffs comparison' },
  { file: 'content/pricing.schema.json', schema: PricingSchema, title: 'Tradeoffs cost calculator prices' },
  {
    file: 'content/decide/decide.schema.json',
    schema: DecisionWalkerSchema,
    title: 'Tradeoffs decision walker',
  },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, schema, title } of targets) {
  // `io: 'input'`: authors write the input side (fields with defaults are optional).
  const json = `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input' }) }, null, 2)}\n`;
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === json) continue;
  if (check) {
    console.error(`${file} is out of date with src/schemas: run \`npm run schemas\``);
    stale++;
  } else {
    await writeFile(file, json);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log(`JSON Schemas up to date (${targets.length})`);
