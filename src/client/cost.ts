/**
 * The cost calculator in the browser: recomputes on every valid change of the form with the same
 * pure functions the page was built with (src/domain/cost*.ts). A field with bad input shows
 * its message (tied to the field with aria-describedby) once the reader leaves it or submits,
 * and the results keep the last valid numbers, marked as not recalculated; nothing the reader
 * typed is ever reset. The workload is kept in the address, so a scenario is a link.
 */
import { costPageModel } from '../domain/cost/page.ts';
import {
  QUERY_KEYS,
  WORKLOAD_FIELDS,
  type Workload,
  type WorkloadField,
  type WorkloadInput,
  formatNumber,
  parseWorkload,
  workloadInputFromQuery,
  workloadToQuery,
} from '../domain/cost/model.ts';
import type { Pricing } from '../schemas/pricing.ts';

/** How long the reader pauses before the result is announced (one announcement, not one a key). */
const ANNOUNCE_AFTER_MS = 700;

export function initCost(): void {
  const root = document.querySelector<HTMLElement>('[data-cost]');
  const form = root?.querySelector<HTMLFormElement>('[data-cost-form]');
  if (!root || !form || !root.dataset.pricing) return;
  const pricing = JSON.parse(root.dataset.pricing) as Pricing;
  const { defaults, currency } = pricing;

  const input = (field: WorkloadField) => form.querySelector<HTMLInputElement>(`[data-field="${field}"]`)!;
  const errorOf = (field: WorkloadField) => form.querySelector<HTMLElement>(`[data-error-for="${field}"]`)!;
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`);
  const stale = root.querySelector<HTMLElement>('[data-cost-stale]');
  const status = root.querySelector<HTMLElement>('[data-cost-status]');
  const chart = root.querySelector<HTMLElement>('[data-cost-chart]');
  const rows = root.querySelector<HTMLElement>('[data-cost-rows]');
  const defaultInput: WorkloadInput = {
    requestsPerMonth: formatNumber(defaults.requestsPerMonth),
    durationMs: formatNumber(defaults.durationMs),
    memoryMb: formatNumber(defaults.memoryMb, 0),
    servers: formatNumber(defaults.servers, 0),
  };
  /** Fields whose message is showing (left or submitted at least once while wrong). */
  const shown = new Set<WorkloadField>();
  let announceTimer: number | undefined;

  const values = (): WorkloadInput =>
    Object.fromEntries(WORKLOAD_FIELDS.map((f) => [f, input(f).value])) as WorkloadInput;

  const setText = (name: string, text: string) => {
    const el = out(name);
    if (el && el.textContent !== text) el.textContent = text;
  };

  function render(w: Workload) {
    const { view, chart: svg, rows: rowsHtml } = costPageModel(w, pricing, currency);
    setText('server', view.server);
    setText('serverless', view.serverless);
    setText('serversWhat', `${formatNumber(w.servers, 0)} × ${pricing.server.name}`);
    setText('verdict', view.verdict);
    setText('breakEven', view.breakEven);
    setText('breakEvenDetail', view.breakEvenDetail && `: ${view.breakEvenDetail}`);
    for (const [key, text] of Object.entries(view.formulas)) setText(`formula-${key}`, text);
    if (chart) chart.innerHTML = svg;
    if (rows) rows.innerHTML = rowsHtml;
    return view.summary;
  }

  function announce(text: string) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      if (status) status.textContent = text;
    }, ANNOUNCE_AFTER_MS);
  }

  /** Shows or clears each field's message; `reveal` adds fields whose message may now show. */
  function showErrors(errors: Partial<Record<WorkloadField, string>>, reveal: readonly WorkloadField[]) {
    for (const field of reveal) shown.add(field);
    for (const field of WORKLOAD_FIELDS) {
      const message = errors[field];
      if (!message) shown.delete(field);
      const visible = message && shown.has(field) ? message : '';
      const el = errorOf(field);
      if (el.textContent !== visible) el.textContent = visible;
      if (visible) input(field).setAttribute('aria-invalid', 'true');
      else input(field).removeAttribute('aria-invalid');
    }
  }

  /** Recomputes from the form; returns the parse so callers can focus a bad field. */
  function update(reveal: readonly WorkloadField[], opts: { announce?: boolean; keepUrl?: boolean } = {}) {
    const parsed = parseWorkload(values(), pricing.serverless);
    showErrors(parsed.ok ? {} : parsed.errors, reveal);
    root!.classList.toggle('is-stale', !parsed.ok);
    if (stale) stale.hidden = parsed.ok;
    if (parsed.ok) {
      const summary = render(parsed.workload);
      if (opts.announce !== false) announce(summary);
      if (!opts.keepUrl) {
        const query = workloadToQuery(parsed.workload);
        const url = query === workloadToQuery(defaults) ? location.pathname : `${location.pathname}?${query}`;
        history.replaceState(history.state, '', `${url}${location.hash}`);
      }
    }
    return parsed;
  }

  form.addEventListener('input', (event) => {
    const field = (event.target as HTMLElement).dataset.field as WorkloadField | undefined;
    // While typing, a message already showing follows the text; a new one waits until the reader
    // leaves the field (an empty field mid-edit is not a mistake yet).
    if (field) update([]);
  });
  form.addEventListener('change', (event) => {
    const field = (event.target as HTMLElement).dataset.field as WorkloadField | undefined;
    if (field) update([field], { announce: false });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = update(WORKLOAD_FIELDS);
    if (!parsed.ok) input(WORKLOAD_FIELDS.find((f) => parsed.errors[f])!).focus();
  });
  form.querySelector('[data-cost-reset]')?.addEventListener('click', () => {
    for (const field of WORKLOAD_FIELDS) input(field).value = defaultInput[field];
    update([]);
  });
  // On paper the chart's table is useful too.
  window.addEventListener('beforeprint', () => {
    const details = root.querySelector<HTMLDetailsElement>('[data-cost-chart-data]');
    if (details) details.open = true;
  });

  // A workload in the address (a shared link, or the reader's last change before a reload).
  const params = new URLSearchParams(location.search);
  if (WORKLOAD_FIELDS.some((f) => params.has(QUERY_KEYS[f]))) {
    const fromUrl = workloadInputFromQuery(params, defaultInput);
    for (const field of WORKLOAD_FIELDS) input(field).value = fromUrl[field];
    update(WORKLOAD_FIELDS, { announce: false, keepUrl: true });
  }
}
