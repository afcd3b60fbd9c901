/**
 * Everything /cost/ shows for one workload: the result in words, the sums, the chart and its
 * table. The page calls it at build time with the note's example; the page's script calls it
 * again on every valid change of the form. Pure.
 */
import { chartGeometry, chartRows, chartRowsHtml, chartSvg } from './chart.ts';
import {
  type CostPrices,
  type CostResult,
  type CostView,
  type Workload,
  compareCosts,
  costView,
  formatMoney,
  formatNumber,
  formatShort,
} from './model.ts';

export interface CostPageModel {
  result: CostResult;
  view: CostView;
  /** The chart, `<svg>…</svg>`. */
  chart: string;
  /** The chart's numbers, `<tr>…</tr>` rows for its table. */
  rows: string;
}

export const currencySymbol = (currency: string): string =>
  (0)
    .toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    .replace(/[\d\s.,]/g, '');

export function costPageModel(w: Workload, prices: CostPrices, currency = 'USD'): CostPageModel {
  const result = compareCosts(w, prices);
  const view = costView(result, prices, currency);
  const at = result.breakEven.kind === 'at' ? result.breakEven.requestsPerMonth : undefined;
  const input = {
    server: result.server,
    perRequest: result.perRequest,
    volume: w.requestsPerMonth,
    breakEven: at,
  };
  const geometry = chartGeometry(input, currencySymbol(currency));
  const servers = `${formatNumber(w.servers, 0)} × ${prices.server.name}`;
  const description = [
    w.servers > 0
      ? `Servers (${servers}) cost ${view.server} a month at any volume.`
      : 'No servers: the server line is not drawn.',
    `Serverless (${prices.serverless.name}, ${formatNumber(w.durationMs)} ms, ${formatNumber(w.memoryMb)} MB) costs ${view.perMillion} per million requests.`,
    at !== undefined ? `The lines cross at ${formatNumber(Math.round(at))} requests a month.` : '',
    w.requestsPerMonth > 0
      ? `Your volume, ${formatNumber(w.requestsPerMonth)} requests a month, is marked.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const chart = chartSvg(geometry, {
    title: 'Monthly cost of servers and serverless against requests per month',
    description,
    breakEven: at !== undefined ? `break-even ${formatShort(at)}` : undefined,
    volume: w.requestsPerMonth > 0 ? `you: ${formatShort(w.requestsPerMonth)}` : undefined,
  });
  const rows = chartRowsHtml(
    chartRows(geometry, input),
    (v) => formatMoney(v, currency),
    (v) => formatNumber(Math.round(v)),
  );
  return { result, view, chart, rows };
}
