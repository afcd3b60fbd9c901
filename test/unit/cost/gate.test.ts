import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import { anchorIndex, noteSection } from '../../../src/domain/notes/anchors.ts';
import { checkPricing, checkPricingFile, exampleProblems } from '../../../src/domain/cost/gate.ts';
import { gateContent, gateNotes } from '../../../src/integrations/load-notes.ts';
import { type Pricing, PricingSchema } from '../../../src/schemas/pricing.ts';

const DIR = 'test/fixtures/malformed/pricing';
const { notes } = await gateNotes();
const index = anchorIndex(notes.map((n) => ({ data: n.data, body: n.body })));
const pricing = PricingSchema.parse(parse(readFileSync('content/pricing.yaml', 'utf8'))) as Pricing;
const paradigms = notes.find((n) => n.data.slug === 'architecture-paradigms')!;
const costModel = noteSection(paradigms.body, 'cost-model')!;

const messages = (path: string, notesUsed = notes) =>
  checkPricingFile({ path, bytes: readFileSync(path) }, index, notesUsed).errors.map(formatContentError);

describe('the committed prices', () => {
  it("pass the gate: schema, source, and the note's example", () => {
    expect(messages('content/pricing.yaml')).toEqual([]);
  });

  it('are part of the whole content gate', async () => {
    const { errors, pricing: checked } = await gateContent();
    expect(errors.map(formatContentError)).toEqual([]);
    expect(checked?.data.server.name).toBe('t3.medium');
  });

  it('a missing content/pricing.yaml stops the build', async () => {
    const { errors } = await gateContent('test/fixtures/valid');
    expect(errors.map(formatContentError)).toContain(
      'content/pricing.yaml: the file is missing: the cost calculator (/cost/) takes its prices from it',
    );
  });

  it('a missing pricing file stops the build only when the site needs it', () => {
    const missing = (required: boolean) =>
      checkPricing(undefined, { path: 'content/pricing.yaml', required }, index, notes);
    expect(missing(true).errors.map(formatContentError)).toEqual([
      'content/pricing.yaml: the file is missing: the cost calculator (/cost/) takes its prices from it',
    ]);
    expect(missing(false)).toEqual({ errors: [] });
    const path = 'content/pricing.yaml';
    const found = checkPricing({ path, bytes: readFileSync(path) }, { path, required: true }, index, notes);
    expect(found.errors).toEqual([]);
    expect(found.checked?.data.server.name).toBe('t3.medium');
  });

  it('a build that names a pricing file that does not exist has no calculator', async () => {
    const { errors, pricing: none } = await gateContent(process.cwd(), {
      quizzes: 'quizzes',
      cards: 'content/cards',
      compare: 'content/compare',
      pricing: 'test/fixtures/none/pricing.yaml',
    });
    expect(errors).toEqual([]);
    expect(none).toBeUndefined();
  });
});

// Each malformed file fails with the file, the line and the field.
const cases: [string, RegExp[]][] = [
  [
    'negative-price',
    [
      /negative-price\.yaml:16: field "serverless\.perGbSecond": Price per GB-second of compute must be more than 0; received -0\.0000166667$/,
    ],
  ],
  ['missing-as-of', [/missing-as-of\.yaml:\d+: field "asOf": the field is missing \(expected string\)$/]],
  [
    'impossible-date',
    [/impossible-date\.yaml:5: field "asOf": not a real calendar date; received "2026-02-30"$/],
  ],
  [
    'date-format',
    [/date-format\.yaml:5: field "asOf": expected a date written YYYY-MM-DD; received "24\/11\/2026"$/],
  ],
  [
    'price-as-text',
    [
      /price-as-text\.yaml:12: field "server\.hourly": Invalid input: expected number, received string \("0\.0416"\)$/,
    ],
  ],
  ['unknown-key', [/unknown-key\.yaml:13: field "server\.hourlyPrice": unknown key "hourlyPrice"/]],
  [
    'memory-out-of-range',
    [
      /memory-out-of-range\.yaml:26: field "defaults\.memoryMb": must be between serverless\.minMemoryMb \(128\) and maxMemoryMb \(10240\); received 64$/,
    ],
  ],
  [
    'missing-heading',
    [
      /missing-heading\.yaml:9: field "source": note "architecture-paradigms" has no heading with id "cost" \(did you mean "cost-model"\?\)$/,
    ],
  ],
  [
    'stale-price',
    [
      /stale-price\.yaml:12: field "server\.hourly": differs from the note's example at content\/notes\/architecture-paradigms\.mdx:\d+ \("- Cost: 3 × \$0\.0416\/hr × 720 hrs = ~\$90\/month"\): the note says 0\.0416; received 0\.052/,
    ],
  ],
  [
    'yaml-syntax',
    [/yaml-syntax\.yaml:2: not valid YAML/, /yaml-syntax\.yaml:\d: not valid YAML/, /not valid YAML/],
  ],
  ['empty', [/empty\.yaml: the file is empty$/]],
];

describe('malformed pricing files', () => {
  for (const [name, expected] of cases) {
    it(name, () => {
      const found = messages(`${DIR}/${name}.yaml`);
      expect(found).toHaveLength(expected.length);
      expected.forEach((pattern, i) => expect(found[i]).toMatch(pattern));
    });
  }

  it('names the line of the note it compares with', () => {
    const [message] = messages(`${DIR}/stale-price.yaml`);
    const line = Number(/architecture-paradigms\.mdx:(\d+)/.exec(message!)![1]);
    const text = readFileSync(paradigms.file, 'utf8').split('\n')[line - 1];
    expect(text).toBe('- Cost: 3 × $0.0416/hr × 720 hrs = ~$90/month');
  });

  it('cross-field rules: memory and duration within the platform limits', () => {
    const bad = PricingSchema.safeParse({
      ...pricing,
      serverless: { ...pricing.serverless, minMemoryMb: 20000 },
      defaults: { ...pricing.defaults, durationMs: 1e7 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'serverless.minMemoryMb: minMemoryMb (20000) is above maxMemoryMb (10240)',
      'defaults.memoryMb: must be between serverless.minMemoryMb (20000) and maxMemoryMb (10240)',
      'defaults.durationMs: must be at most serverless.maxDurationMs (900000)',
    ]);
  });
});

describe("the note's example, edited", () => {
  const where = (line: number) => `note:${line}`;
  const edit = (from: string, to: string) => {
    expect(costModel.text).toContain(from);
    return exampleProblems(costModel.text.replace(from, to), pricing, where).map(
      (p) => `${p.path.join('.')}: ${p.message}`,
    );
  };

  it('the section is the one under "Cost Model", up to the next heading', () => {
    expect(costModel.text.split('\n')[0]).toBe('### Cost Model');
    expect(costModel.text).toContain('~$1.03/month');
    expect(costModel.text).not.toContain('Comparison Matrix');
    expect(noteSection(paradigms.body, 'no-such-heading')).toBeUndefined();
    expect(exampleProblems(costModel.text, pricing, where)).toEqual([]);
  });

  it('a new hourly price in the note: the data is stale', () => {
    expect(edit('$0.0416/hr', '$0.0464/hr')).toEqual([
      expect.stringMatching(
        /^server\.hourly: differs from the note's example at note:\d+ .*the note says 0\.0464; received 0\.0416/,
      ),
    ]);
  });

  it('each input, when it differs', () => {
    expect(edit('3 x t3.medium', '4 x t3.medium')).toEqual([
      expect.stringMatching(/^defaults\.servers: .*says 4; received 3/),
    ]);
    expect(edit('720 hrs', '730 hrs')).toEqual([
      expect.stringMatching(/^server\.hoursPerMonth: .*says 730; received 720/),
    ]);
    expect(edit('1 million requests/month', '2 million requests/month')).toEqual([
      expect.stringMatching(/^defaults\.requestsPerMonth: .*says 2000000; received 1000000/),
    ]);
    expect(edit('200ms average', '100ms average')).toEqual([
      expect.stringMatching(/^defaults\.durationMs: .*says 100; received 200/),
    ]);
    expect(edit('256MB memory', '512MB memory')).toEqual([
      expect.stringMatching(/^defaults\.memoryMb: .*says 512; received 256/),
    ]);
    expect(edit('$0.0000166667 ×', '$0.0000133334 ×')).toEqual([
      expect.stringMatching(/^serverless\.perGbSecond: .*says 0\.0000133334; received 0\.0000166667/),
    ]);
  });

  it("the note's own sums, when they no longer add up", () => {
    expect(edit('~$90/month', '~$95/month')).toEqual([
      expect.stringMatching(
        /^server\.hourly: the note's example at note:\d+ .* comes to \$95 a month, but its inputs give \$89\.86$/,
      ),
    ]);
    expect(edit('= ~$1.03/month', '= ~$1.30/month')).toEqual([
      expect.stringMatching(
        /^serverless\.perGbSecond: .* comes to \$1\.30 a month, but its inputs give \$1\.0333$/,
      ),
    ]);
    expect(edit('50,000 + $0.20', '50,000 + $0.25')).toEqual([
      expect.stringMatching(
        /^serverless\.perMillionRequests: .* has a request fee of \$0\.25, but 1000000 requests at \$0\.2 per million come to \$0\.2$/,
      ),
    ]);
    expect(edit('= 50,000 GB-seconds', '= 51,200 GB-seconds')).toEqual([
      expect.stringMatching(
        /^serverless\.mbPerGb: .* comes to 51200 GB-seconds, but its inputs with 1024 MB per GB give 50000$/,
      ),
    ]);
  });

  it('a rewritten example that no longer states the numbers', () => {
    const problems = exampleProblems('### Cost Model\n\nServerless is cheap when idle.\n', pricing, where);
    expect(problems.map((p) => p.path.join('.'))).toEqual([
      'server.name',
      'server.hourly',
      'server.hoursPerMonth',
      'defaults.requestsPerMonth',
      'defaults.durationMs',
      'defaults.memoryMb',
      'serverless.perGbSecond',
      'serverless.mbPerGb',
    ]);
    expect(problems[0]!.message).toBe(
      `the note's cost example no longer states the servers as a count of t3.medium (written like "3 x t3.medium"), so the page cannot claim to reproduce it; update the note or this file`,
    );
  });

  it('the source note missing from the notes given (the index and the notes disagree)', () => {
    expect(messages('content/pricing.yaml', [])).toEqual([]);
  });
});
