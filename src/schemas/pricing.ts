/**
 * Prices for the cost crossover calculator (/cost/), authored in `content/pricing.yaml`
 * (exported as `content/pricing.schema.json` for editors by `npm run schemas`). Prices are data,
 * not code: the page shows their "as of" date, and the content gate checks them against the
 * worked example in the note they come from (src/domain/cost/gate.ts).
 */
import { z } from 'zod';
import { SourceRefSchema } from './quiz.ts';

/** A calendar date written `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true; // the format's own message says it
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a real calendar date');

const price = (what: string) =>
  z.number().positive(`${what} must be more than 0`).describe(`${what}, in the currency above.`);

const Name = z.string().trim().min(1, 'must not be empty');

export const PricingSchema = z
  .object({
    asOf: IsoDateSchema.describe('When these prices were taken (YYYY-MM-DD); shown on the page as "as of".'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
      .describe('ISO 4217 currency code of every price, e.g. USD.'),
    region: Name.describe('Where the prices apply, e.g. us-east-1.'),
    basis: Name.describe('One sentence on what these prices are (shown on the page).'),
    source: SourceRefSchema.describe(
      'The note section whose worked example these prices reproduce, as <note-slug>#<heading-id>.',
    ),
    server: z
      .object({
        name: Name.describe('Instance type, e.g. t3.medium (as the note writes it).'),
        hourly: price('On-demand price per instance-hour'),
        hoursPerMonth: z
          .number()
          .positive('must be more than 0')
          .max(744, 'a month has at most 744 hours')
          .describe('Hours billed per month (the note uses 720: 24 × 30).'),
      })
      .strict(),
    serverless: z
      .object({
        name: Name.describe('The service, e.g. AWS Lambda.'),
        perGbSecond: price('Price per GB-second of compute'),
        perMillionRequests: price('Price per million requests'),
        mbPerGb: z
          .number()
          .int()
          .positive()
          .describe('Megabytes in a GB for GB-seconds (1024: 256 MB is 0.25 GB).'),
        minMemoryMb: z.number().int().positive().describe('Smallest memory setting, in MB.'),
        maxMemoryMb: z.number().int().positive().describe('Largest memory setting, in MB.'),
        maxDurationMs: z
          .number()
          .positive()
          .describe('Longest run of one invocation, in ms (15 min = 900000).'),
      })
      .strict(),
    defaults: z
      .object({
        requestsPerMonth: z.number().int().nonnegative().describe('Requests per month in the example.'),
        durationMs: z.number().positive().describe('Average duration in ms in the example.'),
        memoryMb: z.number().int().positive().describe('Memory in MB in the example.'),
        servers: z.number().int().nonnegative().describe('Always-on servers in the example.'),
      })
      .strict()
      .describe("The form's starting values: the note's example."),
  })
  .strict()
  .superRefine((p, ctx) => {
    const { serverless: s, defaults: d } = p;
    if (s.minMemoryMb > s.maxMemoryMb)
      ctx.addIssue({
        code: 'custom',
        path: ['serverless', 'minMemoryMb'],
        message: `minMemoryMb (${s.minMemoryMb}) is above maxMemoryMb (${s.maxMemoryMb})`,
      });
    if (d.memoryMb < s.minMemoryMb || d.memoryMb > s.maxMemoryMb)
      ctx.addIssue({
        code: 'custom',
        path: ['defaults', 'memoryMb'],
        message: `must be between serverless.minMemoryMb (${s.minMemoryMb}) and maxMemoryMb (${s.maxMemoryMb})`,
      });
    if (d.durationMs > s.maxDurationMs)
      ctx.addIssue({
        code: 'custom',
        path: ['defaults', 'durationMs'],
        message: `must be at most serverless.maxDurationMs (${s.maxDurationMs})`,
      });
  });

export type Pricing = z.infer<typeof PricingSchema>;
