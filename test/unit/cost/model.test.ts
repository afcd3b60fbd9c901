import { describe, expect, it } from 'vitest';
import {
  type CostPrices,
  type Workload,
  breakEven,
  compareCosts,
  costView,
  formatAbout,
  formatMoney,
  formatPrice,
  formatShort,
  gbSeconds,
  parseAmount,
  parseWorkload,
  perRequest,
  serverMonthly,
  serverlessMonthly,
  workloadInputFromQuery,
  workloadToInput,
  workloadToQuery,
} from '../../../src/domain/cost/model.ts';

/** The note's prices (architecture-paradigms#cost-model). */
const PRICES: CostPrices = {
  server: { name: 't3.medium', hourly: 0.0416, hoursPerMonth: 720 },
  serverless: { name: 'AWS Lambda', perGbSecond: 0.0000166667, perMillionRequests: 0.2, mbPerGb: 1024 },
};
const LIMITS = { minMemoryMb: 128, maxMemoryMb: 10240, maxDurationMs: 900_000 };
/** The note's example: 1M requests a month, 200 ms, 256 MB, against 3 × t3.medium. */
const EXAMPLE: Workload = { requestsPerMonth: 1_000_000, durationMs: 200, memoryMb: 256, servers: 3 };

describe("the note's example, by hand", () => {
  it('servers: 3 × $0.0416/h × 720 h = $89.856 (the note: ~$90)', () => {
    expect(serverMonthly(EXAMPLE, PRICES)).toBeCloseTo(89.856, 10);
    expect(Math.round(serverMonthly(EXAMPLE, PRICES))).toBe(90);
  });

  it('serverless: 1M × 0.2 s × 0.25 GB = 50,000 GB-s; × $0.0000166667 + $0.20 = $1.033335 (the note: ~$1.03)', () => {
    expect(gbSeconds(EXAMPLE, PRICES)).toBe(50_000);
    const cost = serverlessMonthly(EXAMPLE, PRICES);
    expect(cost.compute).toBeCloseTo(0.833335, 12);
    expect(cost.requests).toBeCloseTo(0.2, 12);
    expect(cost.total).toBeCloseTo(1.033335, 12);
    expect(cost.total.toFixed(2)).toBe('1.03');
  });

  it('one request costs 0.2 × 0.25 × $0.0000166667 + $0.20 / 1M = $0.000001033335', () => {
    expect(perRequest(EXAMPLE, PRICES)).toBeCloseTo(1.033335e-6, 15);
  });

  it('break-even: $89.856 ÷ $0.000001033335 ≈ 86.96 million requests a month, ≈ 33.5 a second', () => {
    const at = breakEven(EXAMPLE, PRICES);
    expect(at.kind).toBe('at');
    if (at.kind !== 'at') return;
    expect(at.requestsPerMonth).toBeCloseTo(89.856 / 1.033335e-6, 3);
    expect(Math.round(at.requestsPerMonth)).toBe(86_957_279);
    // 720 h × 3600 s = 2,592,000 s in the note's month.
    expect(at.perSecond).toBeCloseTo(86_957_279.1 / 2_592_000, 3);
  });

  it('at the break-even volume both cost the same', () => {
    const at = breakEven(EXAMPLE, PRICES);
    if (at.kind !== 'at') throw new Error('expected a break-even');
    const r = compareCosts({ ...EXAMPLE, requestsPerMonth: at.requestsPerMonth }, PRICES);
    expect(r.cheaper).toBe('same');
    expect(r.saving).toBe(0);
    expect(r.ratio).toBe(1);
  });
});

describe('other hand-computed cases', () => {
  it('1 server, 10M requests of 100 ms at 1,024 MB', () => {
    const w = { requestsPerMonth: 10_000_000, durationMs: 100, memoryMb: 1024, servers: 1 };
    const r = compareCosts(w, PRICES);
    expect(r.server).toBeCloseTo(29.952, 10); // 0.0416 × 720
    expect(r.serverless.gbSeconds).toBe(1_000_000); // 1e7 × 0.1 s × 1 GB
    expect(r.serverless.compute).toBeCloseTo(16.6667, 10);
    expect(r.serverless.requests).toBeCloseTo(2, 10);
    expect(r.serverless.total).toBeCloseTo(18.6667, 10);
    expect(r.cheaper).toBe('serverless');
    expect(r.saving).toBeCloseTo(29.952 - 18.6667, 10);
    // per request: 0.1 × 1 × 0.0000166667 + 0.0000002 = 0.00000186667
    expect(r.breakEven.kind === 'at' && r.breakEven.requestsPerMonth).toBeCloseTo(29.952 / 0.00000186667, 2);
  });

  it('1 billion requests: servers are cheaper, serverless costs ~11.5× as much', () => {
    const r = compareCosts({ ...EXAMPLE, requestsPerMonth: 1e9 }, PRICES);
    expect(r.serverless.total).toBeCloseTo(1033.335, 9);
    expect(r.cheaper).toBe('servers');
    expect(r.ratio).toBeCloseTo(1033.335 / 89.856, 9);
  });
});

describe('edge cases', () => {
  it('0 requests: serverless costs nothing; the ratio is undefined', () => {
    const r = compareCosts({ ...EXAMPLE, requestsPerMonth: 0 }, PRICES);
    expect(r.serverless.total).toBe(0);
    expect(r.cheaper).toBe('serverless');
    expect(r.saving).toBeCloseTo(89.856, 10);
    expect(r.ratio).toBeUndefined();
    expect(r.breakEven.kind).toBe('at'); // the break-even does not depend on the volume
  });

  it('0 servers: no break-even', () => {
    expect(breakEven({ ...EXAMPLE, servers: 0 }, PRICES)).toEqual({ kind: 'never', reason: 'no-servers' });
    const r = compareCosts({ ...EXAMPLE, servers: 0 }, PRICES);
    expect(r.server).toBe(0);
    expect(r.cheaper).toBe('servers');
    expect(r.ratio).toBeUndefined();
  });

  it('requests that cost nothing: no break-even', () => {
    const free = { ...PRICES, serverless: { ...PRICES.serverless, perGbSecond: 0, perMillionRequests: 0 } };
    expect(breakEven(EXAMPLE, free)).toEqual({ kind: 'never', reason: 'free-requests' });
  });

  it('huge volumes stay finite', () => {
    const r = compareCosts({ ...EXAMPLE, requestsPerMonth: 1e15 }, PRICES);
    expect(r.serverless.total).toBeCloseTo(1.033335e9, 0);
    expect(Number.isFinite(r.ratio)).toBe(true);
  });

  it('0 of everything costs the same: nothing', () => {
    const r = compareCosts({ ...EXAMPLE, requestsPerMonth: 0, servers: 0 }, PRICES);
    expect(r.cheaper).toBe('same');
  });
});

describe('reading numbers as people type them', () => {
  it.each([
    ['1000000', 1e6],
    ['1,000,000', 1e6],
    [' 1 000 000 ', 1e6],
    ['1_000_000', 1e6],
    ['1e6', 1e6],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1,234.5', 1234.5],
    ['0', 0],
  ])('%j → %d', (text, value) => expect(parseAmount(text)).toBe(value));

  it.each([
    ['250k', 250_000],
    ['1.5M', 1_500_000],
    ['2B', 2e9],
    ['2bn', 2e9],
    ['1t', 1e12],
  ])('%j with suffixes → %d', (text, value) => expect(parseAmount(text, true)).toBe(value));

  it.each(['', 'abc', '0,5', '1,00', '-5', '1M', '1e999', '1..2', '$5'])('%j is refused', (text) =>
    expect(parseAmount(text)).toBeUndefined(),
  );
});

describe('the form', () => {
  const input = { requestsPerMonth: '1,000,000', durationMs: '200', memoryMb: '256', servers: '3' };

  it("reads the note's example", () => {
    expect(parseWorkload(input, LIMITS)).toEqual({ ok: true, workload: EXAMPLE });
  });

  it('explains each bad field, and only those', () => {
    const parsed = parseWorkload(
      { requestsPerMonth: 'lots', durationMs: '0.5', memoryMb: '64', servers: '2.5' },
      LIMITS,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.requestsPerMonth).toMatch(/“lots” is not a number.*1,000,000 or 1M/);
    expect(parsed.errors.durationMs).toMatch(/At least 1 ms/);
    expect(parsed.errors.memoryMb).toBe('Memory is 128 to 10,240 MB.');
    expect(parsed.errors.servers).toBe('A whole number of servers.');
  });

  it.each([
    ['requestsPerMonth', '', /Enter the requests per month/],
    ['requestsPerMonth', '2e15', /At most 1,000,000,000,000,000/],
    ['durationMs', '900001', /at most 900,000 ms \(15 minutes\)/],
    ['durationMs', 'fast', /“fast” is not a number: enter the average duration in milliseconds in digits\.$/],
    ['memoryMb', '256.5', /whole number of MB/],
    ['memoryMb', '20000', /128 to 10,240 MB/],
    ['servers', '100001', /At most 100,000 servers/],
  ] as const)('%s = %j', (field, value, message) => {
    const parsed = parseWorkload({ ...input, [field]: value }, LIMITS);
    expect(parsed.ok ? {} : parsed.errors).toEqual({ [field]: expect.stringMatching(message) });
  });

  it('keeps the workload in the address and reads it back', () => {
    const query = workloadToQuery(EXAMPLE);
    expect(query).toBe('requests=1000000&duration=200&memory=256&servers=3');
    const defaults = workloadToInput({ ...EXAMPLE, servers: 1 });
    expect(workloadInputFromQuery(new URLSearchParams('requests=5M&servers=x'), defaults)).toEqual({
      ...defaults,
      requestsPerMonth: '5M',
      servers: 'x',
    });
  });
});

describe('words and numbers', () => {
  it('money', () => {
    expect(formatMoney(89.856)).toBe('$89.86');
    expect(formatMoney(1.033335)).toBe('$1.03');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(0.000001033335)).toBe('$0.00000103');
    expect(formatMoney(1_033_335_000)).toBe('$1,033,335,000.00');
    expect(formatMoney(5, 'EUR')).toBe('€5.00');
    expect(formatPrice(0.0000166667)).toBe('$0.0000166667');
    expect(formatPrice(0.2)).toBe('$0.20');
  });

  it('volumes', () => {
    expect(formatAbout(86_957_279)).toBe('87.0 million');
    expect(formatAbout(999_600)).toBe('1.00 million');
    expect(formatAbout(950_000)).toBe('950 thousand');
    expect(formatAbout(1.5e9)).toBe('1.50 billion');
    expect(formatAbout(5e15)).toBe('5,000 trillion');
    expect(formatAbout(120)).toBe('120');
    expect(formatShort(86_957_279)).toBe('87M');
    expect(formatShort(1_000_000)).toBe('1M');
    expect(formatShort(250_000)).toBe('250k');
    expect(formatShort(1.5e9)).toBe('1.5B');
    expect(formatShort(2e12)).toBe('2T');
    expect(formatShort(42)).toBe('42');
  });
});

describe('what the page says', () => {
  it("spells out the note's example as the note does", () => {
    const view = costView(compareCosts(EXAMPLE, PRICES), PRICES);
    expect(view.server).toBe('$89.86');
    expect(view.serverless).toBe('$1.03');
    expect(view.verdict).toBe('Serverless is cheaper by $88.82 a month: servers cost 87× as much.');
    expect(view.breakEven).toBe('86,957,279 requests a month');
    expect(view.breakEvenDetail).toMatch(/^about 87.0 million a month, or 33.5 requests a second on average/);
    expect(view.perMillion).toBe('$1.0333');
    expect(view.formulas).toEqual({
      servers: '3 × $0.0416/h × 720 h = $89.86/month',
      gbSeconds: '1,000,000 × 0.2 s × 0.25 GB = 50,000 GB-seconds',
      requestFee: '1,000,000 ÷ 1,000,000 × $0.20 = $0.20',
      serverless: '$0.0000166667 × 50,000 + $0.20 = $1.03/month',
      breakEven: '$89.86 ÷ $1.0333 per million requests = 86,957,279 requests/month',
    });
    expect(view.summary).toBe(
      'Servers $89.86 a month, serverless $1.03 a month. Serverless is cheaper by $88.82 a month: servers cost 87× as much. Break-even: 86,957,279 requests a month.',
    );
  });

  it('servers cheaper, with a small ratio to one decimal', () => {
    const view = costView(compareCosts({ ...EXAMPLE, requestsPerMonth: 2e8 }, PRICES), PRICES);
    expect(view.verdict).toBe('Servers are cheaper by $116.81 a month: serverless costs 2.3× as much.');
  });

  it('no servers, no traffic, free requests', () => {
    const none = costView(compareCosts({ ...EXAMPLE, servers: 0 }, PRICES), PRICES);
    expect(none.verdict).toBe('With no servers only serverless runs anything: $1.03 a month.');
    expect(none.breakEven).toBe('none: with no servers the server bill is $0.00');
    expect(none.breakEvenDetail).toBe('');
    const idle = costView(compareCosts({ ...EXAMPLE, requestsPerMonth: 0 }, PRICES), PRICES);
    expect(idle.verdict).toBe('Serverless is cheaper by $89.86 a month.');
    const nothing = costView(compareCosts({ ...EXAMPLE, requestsPerMonth: 0, servers: 0 }, PRICES), PRICES);
    expect(nothing.verdict).toBe('Both cost the same: $0.00 a month.');
    const freePrices = {
      ...PRICES,
      serverless: { ...PRICES.serverless, perGbSecond: 0, perMillionRequests: 0 },
    };
    const free = costView(compareCosts(EXAMPLE, freePrices), freePrices);
    expect(free.breakEven).toBe('none: requests cost nothing');
    expect(free.formulas.breakEven).toMatch(/never dearer/);
  });
});
