/**
 * The crossover chart of /cost/: monthly cost against requests a month, both axes logarithmic
 * (volumes span orders of magnitude; on log–log axes the serverless cost is a straight rising
 * line and the servers a flat one, so the crossing is easy to see). Geometry is plain numbers and
 * path strings; `chartSvg` and `chartRows` turn it into markup. No DOM, no chart library: the
 * page renders it at build time and its script re-renders it in the browser.
 */
import { escapeHtml } from '../content/html.ts';

export interface ChartInput {
  /** Monthly cost of the servers (flat); 0 draws no server line. */
  server: number;
  /** Cost of one request on the functions platform; 0 draws no serverless line. */
  perRequest: number;
  /** The reader's requests a month; 0 is off a log scale and gets no marker. */
  volume: number;
  /** Requests a month where the two cost the same, when there is such a volume. */
  breakEven?: number | undefined;
}

export interface Tick {
  /** The value at the tick (a power of ten). */
  value: number;
  /** Position along its axis, in SVG units. */
  at: number;
  label: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Powers of ten at the ends of each axis. */
  xDecades: [number, number];
  yDecades: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  serverless?: { path: string; from: Point; to: Point };
  server?: { path: string; y: number };
  breakEven?: Point & { value: number };
  volume?: { x: number; value: number; onServer?: number; onServerless?: number };
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;
const PLOT = { left: 70, top: 34, right: CHART_WIDTH - 20, bottom: CHART_HEIGHT - 62 };
/** Most labelled ticks per axis; wider ranges label every second (third…) power of ten. */
const MAX_TICKS = 8;
/** At least this many powers of ten across the volume axis, so the lines have room. */
const MIN_DECADES = 4;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 1, 10, 100, 1k … 100k, 1M … 100M, 1B … 100B, 1T … 100T, then 1e15. */
export function countLabel(exponent: number): string {
  if (exponent < 0 || exponent >= 15) return `1e${exponent}`;
  const units: [number, string][] = [
    [12, 'T'],
    [9, 'B'],
    [6, 'M'],
    [3, 'k'],
    [0, ''],
  ];
  const [base, unit] = units.find(([b]) => exponent >= b) ?? [0, ''];
  return `${10 ** (exponent - base)}${unit}`;
}

/** $0.001, $0.01 … $1, $10, $100, $1k … $100k, $1M …, then $1e12. */
export function moneyLabel(exponent: number, symbol = '$'): string {
  if (exponent < 0) return `${symbol}${(10 ** exponent).toFixed(-exponent)}`;
  if (exponent >= 12) return `${symbol}1e${exponent}`;
  return `${symbol}${countLabel(exponent)}`;
}

/** The powers of ten the volume axis spans: the reader's volume and the break-even, with room. */
export function volumeDecades(input: Pick<ChartInput, 'volume' | 'breakEven'>): [number, number] {
  const points = [input.volume, input.breakEven ?? 0].filter((v) => Number.isFinite(v) && v > 0);
  if (!points.length) return [3, 9];
  let lo = Math.floor(Math.log10(Math.min(...points))) - 1;
  let hi = Math.ceil(Math.log10(Math.max(...points))) + 1;
  while (hi - lo < MIN_DECADES) {
    hi += 1;
    if (hi - lo < MIN_DECADES) lo -= 1;
  }
  // Nothing below one request a month.
  if (lo < 0) {
    lo = 0;
    hi = Math.max(hi, MIN_DECADES);
  }
  return [lo, hi];
}

/** The powers of ten the cost axis spans: every cost drawn, rounded out to whole decades. */
export function costDecades(input: ChartInput, [xlo, xhi]: [number, number]): [number, number] {
  const costs = [
    ...(input.perRequest > 0 ? [input.perRequest * 10 ** xlo, input.perRequest * 10 ** xhi] : []),
    ...(input.server > 0 ? [input.server] : []),
  ];
  if (!costs.length) return [0, 2];
  let lo = Math.floor(Math.log10(Math.min(...costs)));
  let hi = Math.ceil(Math.log10(Math.max(...costs)));
  if (hi - lo < 2) {
    lo -= 1;
    hi = lo + 3;
  }
  return [lo, hi];
}

function ticks(
  [lo, hi]: [number, number],
  at: (exponent: number) => number,
  label: (e: number) => string,
): Tick[] {
  const step = Math.max(1, Math.ceil((hi - lo) / MAX_TICKS));
  const out: Tick[] = [];
  for (let e = lo; e <= hi; e += step) out.push({ value: 10 ** e, at: round1(at(e)), label: label(e) });
  return out;
}

export function chartGeometry(input: ChartInput, currencySymbol = '$'): ChartGeometry {
  const xDecades = volumeDecades(input);
  const yDecades = costDecades(input, xDecades);
  const [xlo, xhi] = xDecades;
  const [ylo, yhi] = yDecades;
  const xAt = (exponent: number) => PLOT.left + ((exponent - xlo) / (xhi - xlo)) * (PLOT.right - PLOT.left);
  const yAt = (exponent: number) => PLOT.bottom - ((exponent - ylo) / (yhi - ylo)) * (PLOT.bottom - PLOT.top);
  const x = (value: number) => round1(xAt(Math.log10(value)));
  const y = (cost: number) => round1(yAt(Math.log10(cost)));

  const geometry: ChartGeometry = {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot: { ...PLOT },
    xDecades,
    yDecades,
    xTicks: ticks(xDecades, xAt, countLabel),
    yTicks: ticks(yDecades, yAt, (e) => moneyLabel(e, currencySymbol)),
  };
  if (input.perRequest > 0) {
    const from = { x: PLOT.left, y: y(input.perRequest * 10 ** xlo) };
    const to = { x: PLOT.right, y: y(input.perRequest * 10 ** xhi) };
    geometry.serverless = { path: `M${from.x} ${from.y}L${to.x} ${to.y}`, from, to };
  }
  if (input.server > 0) {
    const at = y(input.server);
    geometry.server = { path: `M${PLOT.left} ${at}H${PLOT.right}`, y: at };
  }
  if (
    input.breakEven !== undefined &&
    input.breakEven > 0 &&
    input.server > 0 &&
    Number.isFinite(input.breakEven)
  )
    geometry.breakEven = { x: x(input.breakEven), y: y(input.server), value: input.breakEven };
  if (input.volume > 0) {
    geometry.volume = {
      x: x(input.volume),
      value: input.volume,
      ...(input.server > 0 && { onServer: y(input.server) }),
      ...(input.perRequest > 0 && { onServerless: y(input.perRequest * input.volume) }),
    };
  }
  return geometry;
}

export interface ChartLabels {
  /** Accessible name, e.g. "Monthly cost against requests per month". */
  title: string;
  /** What the chart shows, in a sentence or two (the chart's description). */
  description: string;
  /** Short text at the markers, e.g. "break-even 87.0 million", "you: 1 million". */
  breakEven?: string | undefined;
  volume?: string | undefined;
}

/**
 * The chart as SVG markup. Colours and dashes come from classes (the page's CSS, which follows
 * the light and dark themes); no `style` attributes, which a strict CSP would block. The SVG is
 * an image to assistive technology (role="img", named by its title and description); the same
 * numbers are in the table from `chartRows`.
 */
export function chartSvg(g: ChartGeometry, labels: ChartLabels, idPrefix = 'cost-chart'): string {
  const { left, top, right, bottom } = g.plot;
  const parts: string[] = [];
  const text = (x: number, y: number, cls: string, content: string, extra = '') =>
    `<text x="${x}" y="${y}" class="${cls}"${extra}>${escapeHtml(content)}</text>`;

  parts.push('<g class="chart-grid">');
  for (const t of g.xTicks) parts.push(`<path d="M${t.at} ${top}V${bottom}"/>`);
  for (const t of g.yTicks) parts.push(`<path d="M${left} ${t.at}H${right}"/>`);
  parts.push('</g>');
  parts.push(`<path class="chart-axis" d="M${left} ${top}V${bottom}H${right}"/>`);
  parts.push('<g class="chart-tick-labels">');
  for (const t of g.xTicks) parts.push(text(t.at, bottom + 26, 'chart-x-label', t.label));
  for (const t of g.yTicks) parts.push(text(left - 8, t.at + 5, 'chart-y-label', t.label));
  parts.push('</g>');
  parts.push(
    text(
      (left + right) / 2,
      g.height - 10,
      'chart-axis-title chart-x-title',
      'Requests per month (log scale)',
    ),
    text(left - 60, top - 14, 'chart-axis-title chart-y-title', 'Cost per month (log scale)'),
  );
  if (g.volume) {
    parts.push(`<path class="chart-volume" d="M${g.volume.x} ${top}V${bottom}"/>`);
    if (labels.volume) {
      const anchor = g.volume.x > (left + right) / 2 ? 'end' : 'start';
      const dx = anchor === 'end' ? -6 : 6;
      parts.push(text(g.volume.x + dx, top + 14, `chart-marker-label chart-anchor-${anchor}`, labels.volume));
    }
  }
  if (g.server) parts.push(`<path class="chart-line chart-line-server" d="${g.server.path}"/>`);
  if (g.serverless) parts.push(`<path class="chart-line chart-line-serverless" d="${g.serverless.path}"/>`);
  if (g.volume?.onServer !== undefined)
    parts.push(
      `<circle class="chart-dot chart-dot-server" cx="${g.volume.x}" cy="${g.volume.onServer}" r="4"/>`,
    );
  if (g.volume?.onServerless !== undefined)
    parts.push(
      `<circle class="chart-dot chart-dot-serverless" cx="${g.volume.x}" cy="${g.volume.onServerless}" r="4"/>`,
    );
  if (g.breakEven) {
    const { x, y } = g.breakEven;
    parts.push(
      `<path class="chart-break-even-drop" d="M${x} ${y}V${bottom}"/>`,
      `<circle class="chart-break-even" cx="${x}" cy="${y}" r="6"/>`,
    );
    if (labels.breakEven) {
      const anchor = x > (left + right) / 2 ? 'end' : 'start';
      const dx = anchor === 'end' ? -10 : 10;
      parts.push(text(x + dx, y - 12, `chart-marker-label chart-anchor-${anchor}`, labels.breakEven));
    }
  }
  const title = `${idPrefix}-title`;
  const desc = `${idPrefix}-desc`;
  return (
    `<svg class="cost-chart-svg" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="${title}" aria-describedby="${desc}">` +
    `<title id="${title}">${escapeHtml(labels.title)}</title><desc id="${desc}">${escapeHtml(labels.description)}</desc>` +
    `${parts.join('')}</svg>`
  );
}

export interface ChartRow {
  requests: number;
  server: number;
  serverless: number;
  /** Which is cheaper at that volume. */
  cheaper: 'servers' | 'serverless' | 'same';
  /** The row of the reader's own volume, or of the break-even. */
  mark?: 'volume' | 'break-even';
}

/**
 * The chart's numbers as table rows: each labelled volume on the axis, plus the reader's volume
 * and the break-even where they fall, in order. The text alternative of the chart.
 */
export function chartRows(g: ChartGeometry, input: ChartInput): ChartRow[] {
  const row = (requests: number, mark?: ChartRow['mark']): ChartRow => {
    const server = input.server;
    const serverless = input.perRequest * requests;
    const tie = Math.abs(server - serverless) <= 1e-9 * Math.max(server, serverless);
    return {
      requests,
      server,
      serverless,
      cheaper: tie || mark === 'break-even' ? 'same' : server < serverless ? 'servers' : 'serverless',
      ...(mark && { mark }),
    };
  };
  const rows = g.xTicks.map((t) => row(t.value));
  if (g.volume) rows.push(row(g.volume.value, 'volume'));
  if (g.breakEven) rows.push(row(g.breakEven.value, 'break-even'));
  // Marked rows go before an equal tick (a volume of exactly 1M is "yours", not a tick).
  const deduped = rows.filter((r) => r.mark || !rows.some((o) => o.mark && o.requests === r.requests));
  return deduped.sort((a, b) => a.requests - b.requests);
}

const CHEAPER_TEXT: Record<ChartRow['cheaper'], string> = {
  servers: 'Servers',
  serverless: 'Serverless',
  same: 'Same cost',
};

/** Table body rows (`<tr>…</tr>`) for `chartRows`, money and counts formatted by the caller. */
export function chartRowsHtml(
  rows: readonly ChartRow[],
  money: (value: number) => string,
  count: (value: number) => string,
): string {
  return rows
    .map((r) => {
      const what = r.mark === 'volume' ? ' (your volume)' : r.mark === 'break-even' ? ' (break-even)' : '';
      const cls = r.mark ? ` class="chart-row-${r.mark}"` : '';
      return (
        `<tr${cls}><th scope="row">${escapeHtml(count(r.requests) + what)}</th>` +
        `<td>${escapeHtml(money(r.server))}</td><td>${escapeHtml(money(r.serverless))}</td>` +
        `<td>${CHEAPER_TEXT[r.cheaper]}</td></tr>`
      );
    })
    .join('');
}
