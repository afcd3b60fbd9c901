/**
 * The cost crossover between always-on servers and pay-per-use functions, with the note's model
 * (architecture-paradigms#cost-model): servers cost count × hourly price × hours a month, at any
 * traffic; functions cost GB-seconds × price per GB-second plus requests × price per request.
 * No free tier, no data transfer, no capacity limit on the servers — as in the note.
 *
 * Pure: numbers in, numbers and strings out. The /cost/ page renders with it at build time and
 * its browser script recomputes with it, so both say exactly the same thing.
 */
import { pluralWord } from '../content/text.ts';

export interface CostPrices {
  server: { name: string; hourly: number; hoursPerMonth: number };
  serverless: {
    name: string;
    perGbSecond: number;
    perMillionRequests: number;
    mbPerGb: number;
  };
}

/** Limits of the functions platform (Lambda: 128–10,240 MB, at most 15 minutes a run). */
export interface CostLimits {
  minMemoryMb: number;
  maxMemoryMb: number;
  maxDurationMs: number;
}

export interface Workload {
  requestsPerMonth: number;
  /** Average duration of one invocation, in milliseconds. */
  durationMs: number;
  memoryMb: number;
  servers: number;
}

/** Monthly cost of `servers` always-on instances, whatever the traffic. */
export const serverMonthly = (w: Pick<Workload, 'servers'>, p: CostPrices): number =>
  w.servers * p.server.hourly * p.server.hoursPerMonth;

/** GB-seconds of compute in a month: requests × seconds × GB. */
export const gbSeconds = (w: Workload, p: CostPrices): number =>
  w.requestsPerMonth * (w.durationMs / 1000) * (w.memoryMb / p.serverless.mbPerGb);

/** What one request costs on the functions platform (compute + the request fee). */
export const perRequest = (w: Pick<Workload, 'durationMs' | 'memoryMb'>, p: CostPrices): number =>
  (w.durationMs / 1000) * (w.memoryMb / p.serverless.mbPerGb) * p.serverless.perGbSecond +
  p.serverless.perMillionRequests / 1_000_000;

export interface ServerlessCost {
  gbSeconds: number;
  compute: number;
  requests: number;
  total: number;
}

/** Monthly cost on the functions platform, split into compute and requests. */
export function serverlessMonthly(w: Workload, p: CostPrices): ServerlessCost {
  const seconds = gbSeconds(w, p);
  const compute = seconds * p.serverless.perGbSecond;
  const requests = (w.requestsPerMonth / 1_000_000) * p.serverless.perMillionRequests;
  return { gbSeconds: seconds, compute, requests, total: compute + requests };
}

export type BreakEven =
  | { kind: 'at'; requestsPerMonth: number; perSecond: number }
  /** `no-servers`: servers cost nothing, so functions never cost less (nor does anything run). */
  | { kind: 'never'; reason: 'no-servers' | 'free-requests' };

/**
 * The monthly volume at which both cost the same: server cost ÷ cost per request. Below it the
 * functions are cheaper, above it the servers. Per second: spread evenly over the month's hours.
 */
export function breakEven(w: Workload, p: CostPrices): BreakEven {
  const fixed = serverMonthly(w, p);
  const each = perRequest(w, p);
  if (fixed <= 0) return { kind: 'never', reason: 'no-servers' };
  if (each <= 0) return { kind: 'never', reason: 'free-requests' };
  const requestsPerMonth = fixed / each;
  return { kind: 'at', requestsPerMonth, perSecond: requestsPerMonth / (p.server.hoursPerMonth * 3600) };
}

export interface CostResult {
  workload: Workload;
  server: number;
  serverless: ServerlessCost;
  perRequest: number;
  breakEven: BreakEven;
  cheaper: 'servers' | 'serverless' | 'same';
  /** How much less the cheaper option costs a month (0 when the same). */
  saving: number;
  /** How many times the dearer option costs the cheaper one; undefined when the cheaper is free. */
  ratio: number | undefined;
}

/** Costs equal within float noise (a volume typed right at the break-even is "the same"). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

export function compareCosts(w: Workload, p: CostPrices): CostResult {
  const server = serverMonthly(w, p);
  const serverless = serverlessMonthly(w, p);
  const cheaper = same(server, serverless.total)
    ? 'same'
    : server < serverless.total
      ? 'servers'
      : 'serverless';
  const low = Math.min(server, serverless.total);
  const high = Math.max(server, serverless.total);
  return {
    workload: w,
    server,
    serverless,
    perRequest: perRequest(w, p),
    breakEven: breakEven(w, p),
    cheaper,
    saving: cheaper === 'same' ? 0 : high - low,
    ratio: cheaper === 'same' ? 1 : low > 0 ? high / low : undefined,
  };
}

// ---- Reading the form ----

export type WorkloadField = keyof Workload;

export const WORKLOAD_FIELDS: readonly WorkloadField[] = [
  'requestsPerMonth',
  'durationMs',
  'memoryMb',
  'servers',
];

/** Upper bounds that keep the numbers meaningful (a quadrillion requests a month is plenty). */
export const MAX_REQUESTS_PER_MONTH = 1e15;
export const MAX_SERVERS = 100_000;

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

/**
 * A number as people type it: `1000000`, `1,000,000`, `1 000 000`, `1e6`, `0.5`; with
 * `allowSuffix`, also `250k`, `1.5M`, `2B`. Returns undefined for anything else (a comma is
 * only a thousands separator, never a decimal point: `0,5` is refused, not read as 5).
 */
export function parseAmount(text: string, allowSuffix = false): number | undefined {
  let s = text.trim().replace(/[\s_\u00a0\u202f]/g, '');
  let scale = 1;
  const suffix = /(bn|[kmbt])$/i.exec(s);
  if (allowSuffix && suffix) {
    scale = SUFFIX[suffix[1]!.toLowerCase()]!;
    s = s.slice(0, -suffix[1]!.length);
  }
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return undefined;
    s = s.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const value = Number(s) * scale;
  return Number.isFinite(value) ? value : undefined;
}

export type WorkloadInput = Record<WorkloadField, string>;

export type ParsedWorkload =
  { ok: true; workload: Workload } | { ok: false; errors: Partial<Record<WorkloadField, string>> };

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Validates the four form fields; every message says what to type instead. */
export function parseWorkload(input: WorkloadInput, limits: CostLimits): ParsedWorkload {
  const errors: Partial<Record<WorkloadField, string>> = {};
  const values: Partial<Workload> = {};
  const read = (
    field: WorkloadField,
    what: string,
    check: (n: number) => string | undefined,
    allowSuffix = false,
  ) => {
    const text = input[field] ?? '';
    if (!text.trim()) {
      errors[field] = `Enter ${what}.`;
      return;
    }
    const n = parseAmount(text, allowSuffix);
    if (n === undefined) {
      errors[field] =
        `“${text.trim().slice(0, 24)}” is not a number: enter ${what} in digits${allowSuffix ? ', e.g. 1000000, 1,000,000 or 1M' : ''}.`;
      return;
    }
    const problem = check(n);
    if (problem) errors[field] = problem;
    else values[field] = n;
  };
  read(
    'requestsPerMonth',
    'the requests per month',
    (n) =>
      n > MAX_REQUESTS_PER_MONTH
        ? `At most ${grouped(MAX_REQUESTS_PER_MONTH)} (10¹⁵) requests a month.`
        : undefined,
    true,
  );
  read('durationMs', 'the average duration in milliseconds', (n) =>
    n < 1
      ? 'At least 1 ms (functions are billed by the millisecond).'
      : n > limits.maxDurationMs
        ? `A function runs at most ${grouped(limits.maxDurationMs)} ms (${grouped(limits.maxDurationMs / 60_000)} minutes).`
        : undefined,
  );
  read('memoryMb', 'the memory in MB', (n) =>
    !Number.isInteger(n)
      ? 'Memory is a whole number of MB.'
      : n < limits.minMemoryMb || n > limits.maxMemoryMb
        ? `Memory is ${grouped(limits.minMemoryMb)} to ${grouped(limits.maxMemoryMb)} MB.`
        : undefined,
  );
  read('servers', 'the number of servers', (n) =>
    !Number.isInteger(n)
      ? 'A whole number of servers.'
      : n > MAX_SERVERS
        ? `At most ${grouped(MAX_SERVERS)} servers.`
        : undefined,
  );
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, workload: values as Workload };
}

/** The form fields as the page's address keeps them (`?requests=…&duration=…&memory=…&servers=…`). */
export const QUERY_KEYS: Record<WorkloadField, string> = {
  requestsPerMonth: 'requests',
  durationMs: 'duration',
  memoryMb: 'memory',
  servers: 'servers',
};

export function workloadToQuery(w: Workload): string {
  const params = new URLSearchParams();
  for (const field of WORKLOAD_FIELDS) params.set(QUERY_KEYS[field], String(w[field]));
  return params.toString();
}

/** Field values from the address, for the fields it has (the rest keep their defaults). */
export function workloadInputFromQuery(params: URLSearchParams, defaults: WorkloadInput): WorkloadInput {
  const input = { ...defaults };
  for (const field of WORKLOAD_FIELDS) {
    const value = params.get(QUERY_KEYS[field]);
    if (value !== null) input[field] = value;
  }
  return input;
}

export const workloadToInput = (w: Workload): WorkloadInput => ({
  requestsPerMonth: String(w.requestsPerMonth),
  durationMs: String(w.durationMs),
  memoryMb: String(w.memoryMb),
  servers: String(w.servers),
});

// ---- Words and numbers for the page ----

/** Money for a monthly bill: cents; below a cent, three significant digits ($0.00000103). */
export function formatMoney(value: number, currency = 'USD'): string {
  const small = value !== 0 && Math.abs(value) < 0.01;
  return value.toLocaleString('en-US', {
    style: 'currency',
    currency,
    ...(small
      ? { minimumSignificantDigits: 1, maximumSignificantDigits: 3 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  });
}

/** A unit price exactly as the data has it ($0.0000166667, $0.0416, $0.20). */
export const formatPrice = (value: number, currency = 'USD'): string =>
  value.toLocaleString('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 12,
  });

/** A count or quantity with thousands separators, at most `digits` decimals. */
export const formatNumber = (value: number, digits = 2): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });

/** "87.0 million", "1.5 billion", "950 thousand", "120": three significant digits in words. */
export function formatAbout(value: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  for (const [scale, word] of scales) {
    if (Math.abs(value) >= scale * 0.9995) {
      const n = value / scale;
      return `${n.toLocaleString('en-US', { maximumSignificantDigits: 3, minimumSignificantDigits: n < 1000 ? 3 : 1 })} ${word}`;
    }
  }
  return value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** "1M", "87M", "1.5B", "250k", "120": at most three significant digits with a unit letter. */
export function formatShort(value: number): string {
  const scales: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const [scale, unit] = scales.find(([s]) => Math.abs(value) >= s * 0.9995) ?? [1, ''];
  return `${(value / scale).toLocaleString('en-US', { maximumSignificantDigits: 3 })}${unit}`;
}

export interface CostView {
  server: string;
  serverless: string;
  /** "Serverless is cheaper by $88.82 a month: servers cost 87× as much." */
  verdict: string;
  /** "86,957,276 requests a month" or why there is none. */
  breakEven: string;
  /** "about 87.0 million a month, 33.5 requests a second on average"; empty when none. */
  breakEvenDetail: string;
  perMillion: string;
  /** The sums spelled out with the numbers, as the note writes them. */
  formulas: { servers: string; gbSeconds: string; requestFee: string; serverless: string; breakEven: string };
  /** One sentence for the live region. */
  summary: string;
}

/** Everything the page says about one result, as text (the page and its script both use it). */
export function costView(r: CostResult, p: CostPrices, currency = 'USD'): CostView {
  const money = (v: number) => formatMoney(v, currency);
  const price = (v: number) => formatPrice(v, currency);
  const w = r.workload;
  const seconds = formatNumber(w.durationMs / 1000, 4);
  const gb = formatNumber(w.memoryMb / p.serverless.mbPerGb, 4);
  const requests = formatNumber(w.requestsPerMonth);
  // Four decimals: the break-even sum must come out right when checked by hand.
  const perMillion = (r.perRequest * 1_000_000).toLocaleString('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });

  const verdict =
    w.servers === 0 && w.requestsPerMonth > 0
      ? `With no servers only serverless runs anything: ${money(r.serverless.total)} a month.`
      : r.cheaper === 'same'
        ? `Both cost the same: ${money(r.server)} a month.`
        : `${r.cheaper === 'servers' ? 'Servers are' : 'Serverless is'} cheaper by ${money(r.saving)} a month${
            r.ratio === undefined
              ? '.'
              : `: ${r.cheaper === 'servers' ? 'serverless costs' : 'servers cost'} ${formatNumber(r.ratio, r.ratio < 10 ? 1 : 0)}× as much.`
          }`;

  let breakEvenText: string;
  let breakEvenDetail = '';
  let breakEvenFormula: string;
  if (r.breakEven.kind === 'at') {
    const at = r.breakEven;
    breakEvenText = `${formatNumber(Math.round(at.requestsPerMonth))} requests a month`;
    breakEvenDetail = `about ${formatAbout(at.requestsPerMonth)} a month, or ${formatNumber(at.perSecond, at.perSecond < 10 ? 2 : 1)} ${pluralWord(at.perSecond, 'request')} a second on average; serverless is cheaper below it, servers above it`;
    breakEvenFormula = `${money(r.server)} ÷ ${perMillion} per million requests = ${formatNumber(Math.round(at.requestsPerMonth))} requests/month`;
  } else if (r.breakEven.reason === 'no-servers') {
    breakEvenText = `none: with no servers the server bill is ${money(0)}`;
    breakEvenFormula = 'no servers, so nothing to break even with';
  } else {
    breakEvenText = 'none: requests cost nothing';
    breakEvenFormula = 'requests cost nothing, so serverless is never dearer';
  }

  const n = w.servers;
  return {
    server: money(r.server),
    serverless: money(r.serverless.total),
    verdict,
    breakEven: breakEvenText,
    breakEvenDetail,
    perMillion,
    formulas: {
      servers: `${formatNumber(n, 0)} × ${price(p.server.hourly)}/h × ${formatNumber(p.server.hoursPerMonth)} h = ${money(r.server)}/month`,
      gbSeconds: `${requests} × ${seconds} s × ${gb} GB = ${formatNumber(r.serverless.gbSeconds)} GB-seconds`,
      requestFee: `${requests} ÷ 1,000,000 × ${price(p.serverless.perMillionRequests)} = ${money(r.serverless.requests)}`,
      serverless: `${price(p.serverless.perGbSecond)} × ${formatNumber(r.serverless.gbSeconds)} + ${money(r.serverless.requests)} = ${money(r.serverless.total)}/month`,
      breakEven: breakEvenFormula,
    },
    summary: `Servers ${money(r.server)} a month, serverless ${money(r.serverless.total)} a month. ${verdict} Break-even: ${breakEvenText}.`,
  };
}
