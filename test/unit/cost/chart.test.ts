import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartGeometry,
  chartRows,
  chartRowsHtml,
  chartSvg,
  costDecades,
  countLabel,
  moneyLabel,
  volumeDecades,
} from '../../../src/domain/cost/chart.ts';
import { costPageModel, currencySymbol } from '../../../src/domain/cost/page.ts';

/** The note's example: $89.856 a month of servers, $0.000001033335 a request, 1M requests. */
const EXAMPLE = { server: 89.856, perRequest: 1.033335e-6, volume: 1e6, breakEven: 86_957_279.1 };

const PRICES = {
  server: { name: 't3.medium', hourly: 0.0416, hoursPerMonth: 720 },
  serverless: { name: 'AWS Lambda', perGbSecond: 0.0000166667, perMillionRequests: 0.2, mbPerGb: 1024 },
};

describe('axis ranges', () => {
  it("spans the reader's volume and the break-even, a power of ten either side", () => {
    expect(volumeDecades(EXAMPLE)).toEqual([5, 9]); // 100k … 1B around 1M and 87M
  });

  it('is at least four powers of ten wide, and never below 1 request', () => {
    expect(volumeDecades({ volume: 1e6, breakEven: 1e6 })).toEqual([4, 8]);
    expect(volumeDecades({ volume: 1, breakEven: undefined })).toEqual([0, 4]);
    expect(volumeDecades({ volume: 0, breakEven: undefined })).toEqual([3, 9]);
    expect(volumeDecades({ volume: 1e15, breakEven: 10 })).toEqual([0, 16]);
  });

  it('cost axis: every cost drawn, out to whole powers of ten', () => {
    // 0.000001033335 × 1e5 = $0.10; × 1e9 = $1,033; servers $89.86.
    expect(costDecades(EXAMPLE, [5, 9])).toEqual([-1, 4]);
    expect(costDecades({ ...EXAMPLE, perRequest: 0 }, [5, 9])).toEqual([0, 3]);
    expect(costDecades({ ...EXAMPLE, perRequest: 0, server: 0 }, [5, 9])).toEqual([0, 2]);
  });

  it('labels', () => {
    expect([0, 1, 2, 3, 5, 6, 8, 9, 12, 14, 15].map(countLabel)).toEqual([
      '1',
      '10',
      '100',
      '1k',
      '100k',
      '1M',
      '100M',
      '1B',
      '1T',
      '100T',
      '1e15',
    ]);
    expect([-3, -1, 0, 2, 3, 6, 12].map((e) => moneyLabel(e))).toEqual([
      '$0.001',
      '$0.1',
      '$1',
      '$100',
      '$1k',
      '$1M',
      '$1e12',
    ]);
    expect(moneyLabel(2, '€')).toBe('€100');
    expect(currencySymbol('USD')).toBe('$');
    expect(currencySymbol('EUR')).toBe('€');
  });
});

describe('geometry', () => {
  const g = chartGeometry(EXAMPLE);
  const { left, right, top, bottom } = g.plot;
  const xOf = (v: number) => left + ((Math.log10(v) - 5) / 4) * (right - left);
  const yOf = (c: number) => bottom - ((Math.log10(c) + 1) / 5) * (bottom - top);

  it('one tick per power of ten on each axis', () => {
    expect(g.xTicks.map((t) => t.label)).toEqual(['100k', '1M', '10M', '100M', '1B']);
    expect(g.yTicks.map((t) => t.label)).toEqual(['$0.1', '$1', '$10', '$100', '$1k', '$10k']);
    expect(g.xTicks[0]!.at).toBe(left);
    expect(g.xTicks.at(-1)!.at).toBe(right);
    expect(g.yTicks[0]!.at).toBe(bottom);
    expect(g.yTicks.at(-1)!.at).toBe(top);
  });

  it('servers: a flat line at $89.86', () => {
    expect(g.server!.y).toBeCloseTo(yOf(89.856), 1);
    expect(g.server!.path).toBe(`M${left} ${g.server!.y}H${right}`);
  });

  it('serverless: a straight line rising across the whole plot', () => {
    const { from, to } = g.serverless!;
    expect(from.x).toBe(left);
    expect(to.x).toBe(right);
    expect(from.y).toBeCloseTo(yOf(0.1033335), 1);
    expect(to.y).toBeCloseTo(yOf(1033.335), 1);
    expect(g.serverless!.path).toBe(`M${from.x} ${from.y}L${to.x} ${to.y}`);
  });

  it('the break-even marker sits where the lines cross', () => {
    const b = g.breakEven!;
    expect(b.x).toBeCloseTo(xOf(86_957_279.1), 1);
    expect(b.y).toBe(g.server!.y);
    // On the serverless line too.
    const { from, to } = g.serverless!;
    const onLine = from.y + ((b.x - from.x) / (to.x - from.x)) * (to.y - from.y);
    expect(Math.abs(onLine - b.y)).toBeLessThan(0.3);
  });

  it("the reader's volume: a marker on both lines", () => {
    expect(g.volume!.x).toBeCloseTo(xOf(1e6), 1);
    expect(g.volume!.onServer).toBe(g.server!.y);
    expect(g.volume!.onServerless).toBeCloseTo(yOf(1.033335), 1);
  });

  it('no servers: no server line and no break-even; no traffic: no volume marker', () => {
    const none = chartGeometry({ ...EXAMPLE, server: 0, breakEven: undefined, volume: 0 });
    expect(none.server).toBeUndefined();
    expect(none.breakEven).toBeUndefined();
    expect(none.volume).toBeUndefined();
    // The serverless line alone still crosses the whole plot, rising.
    const alone = none.serverless!;
    expect([alone.from.x, alone.to.x]).toEqual([none.plot.left, none.plot.right]);
    expect(alone.to.y).toBeLessThan(alone.from.y);
    expect(alone.path).toBe(`M${alone.from.x} ${alone.from.y}L${alone.to.x} ${alone.to.y}`);
    const free = chartGeometry({ ...EXAMPLE, perRequest: 0, breakEven: undefined });
    expect(free.serverless).toBeUndefined();
    expect(free.volume!.onServerless).toBeUndefined();
    // The reader's volume is then marked on the server line only, at its height.
    expect(free.volume!.onServer).toBe(free.server!.y);
    expect(free.server!.path).toBe(`M${free.plot.left} ${free.server!.y}H${free.plot.right}`);
  });

  it('labels every other power of ten when the range is wide', () => {
    const wide = chartGeometry({ server: 3e6, perRequest: 2e-7, volume: 1, breakEven: 1.5e13 });
    expect(wide.xDecades).toEqual([0, 15]);
    expect(wide.xTicks.map((t) => t.label)).toEqual(['1', '100', '10k', '1M', '100M', '10B', '1T', '100T']);
    for (const t of [...wide.xTicks, ...wide.yTicks]) expect(Number.isFinite(t.at)).toBe(true);
  });
});

describe('markup', () => {
  const g = chartGeometry(EXAMPLE);
  const svg = chartSvg(g, {
    title: 'Cost <chart>',
    description: 'Servers & serverless',
    breakEven: 'break-even 87M',
    volume: 'you: 1M',
  });

  it('an image named by its title and described by its description, with no style attribute (strict CSP)', () => {
    expect(svg).toMatch(
      new RegExp(
        `^<svg class="cost-chart-svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-labelledby="cost-chart-title" aria-describedby="cost-chart-desc">`,
      ),
    );
    expect(svg).toContain('<title id="cost-chart-title">Cost &lt;chart&gt;</title>');
    expect(svg).toContain('<desc id="cost-chart-desc">Servers &amp; serverless</desc>');
    expect(svg).not.toMatch(/style=/);
    expect(svg).toContain(`<path class="chart-line chart-line-server" d="${g.server!.path}"/>`);
    expect(svg).toContain(`<path class="chart-line chart-line-serverless" d="${g.serverless!.path}"/>`);
    expect(svg).toContain('class="chart-break-even"');
    expect(svg).toContain('>break-even 87M</text>');
    expect(svg).toContain('>you: 1M</text>');
  });

  it("draws grid, ticks, dots and the break-even at the geometry's own coordinates", () => {
    const { left, right, top, bottom } = g.plot;
    const count = (pattern: RegExp) => svg.match(new RegExp(pattern, 'g'))?.length ?? 0;
    // One grid line per tick, inside the plot.
    for (const t of g.xTicks) {
      expect(svg).toContain(`<path d="M${t.at} ${top}V${bottom}"/>`);
      expect(svg).toContain(`<text x="${t.at}" y="${bottom + 26}" class="chart-x-label">${t.label}</text>`);
    }
    for (const t of g.yTicks) {
      expect(svg).toContain(`<path d="M${left} ${t.at}H${right}"/>`);
      expect(svg).toContain(`<text x="${left - 8}" y="${t.at + 5}" class="chart-y-label">${t.label}</text>`);
    }
    expect(count(/<path d="M/)).toBe(g.xTicks.length + g.yTicks.length);
    expect(svg).toContain(`<path class="chart-axis" d="M${left} ${top}V${bottom}H${right}"/>`);
    // The reader's volume: a vertical line and a dot on each cost line.
    const v = g.volume!;
    expect(svg).toContain(`<path class="chart-volume" d="M${v.x} ${top}V${bottom}"/>`);
    expect(svg).toContain(
      `<circle class="chart-dot chart-dot-server" cx="${v.x}" cy="${v.onServer}" r="4"/>`,
    );
    expect(svg).toContain(
      `<circle class="chart-dot chart-dot-serverless" cx="${v.x}" cy="${v.onServerless}" r="4"/>`,
    );
    // The break-even: a dot where the lines cross and a drop line to the volume axis.
    const b = g.breakEven!;
    expect(svg).toContain(`<circle class="chart-break-even" cx="${b.x}" cy="${b.y}" r="6"/>`);
    expect(svg).toContain(`<path class="chart-break-even-drop" d="M${b.x} ${b.y}V${bottom}"/>`);
    expect(count(/<circle /)).toBe(3);
    // Every element closes: as many <g> as </g>, one <svg> and one </svg> at the very end.
    expect(count(/<g /)).toBe(count(/<\/g>/));
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(count(/<svg /)).toBe(1);
  });

  it('labels on the right half are anchored at their end', () => {
    expect(svg).toMatch(/class="chart-marker-label chart-anchor-end">break-even 87M/);
    expect(svg).toMatch(/class="chart-marker-label chart-anchor-start">you: 1M/);
  });

  it('leaves out what is not there', () => {
    const bare = chartSvg(chartGeometry({ server: 0, perRequest: 1e-6, volume: 0 }), {
      title: 't',
      description: 'd',
    });
    expect(bare).not.toContain('chart-line-server"');
    expect(bare).not.toContain('chart-break-even');
    expect(bare).not.toContain('chart-volume');
    expect(bare).not.toContain('<circle');
    const alone = chartGeometry({ server: 0, perRequest: 1e-6, volume: 0 }).serverless!;
    expect(bare).toContain(`<path class="chart-line chart-line-serverless" d="${alone.path}"/>`);
    const unlabelled = chartSvg(g, { title: 't', description: 'd' });
    expect(unlabelled).not.toContain('chart-marker-label');
  });
});

describe('the table alternative', () => {
  const g = chartGeometry(EXAMPLE);
  const rows = chartRows(g, EXAMPLE);

  it("each labelled volume, the reader's and the break-even, in order", () => {
    expect(rows.map((r) => [Math.round(r.requests), r.mark ?? '', r.cheaper])).toEqual([
      [1e5, '', 'serverless'],
      [1e6, 'volume', 'serverless'],
      [1e7, '', 'serverless'],
      [86_957_279, 'break-even', 'same'],
      [1e8, '', 'servers'],
      [1e9, '', 'servers'],
    ]);
    expect(rows[1]!.server).toBe(89.856);
    expect(rows[1]!.serverless).toBeCloseTo(1.033335, 12);
  });

  it('as HTML rows', () => {
    const html = chartRowsHtml(
      rows,
      (v) => `$${v.toFixed(2)}`,
      (v) => String(Math.round(v)),
    );
    expect(html).toContain(
      '<tr class="chart-row-volume"><th scope="row">1000000 (your volume)</th><td>$89.86</td><td>$1.03</td><td>Serverless</td></tr>',
    );
    expect(html).toContain('<th scope="row">86957279 (break-even)</th>');
    expect(html).toContain('<td>Same cost</td>');
    expect(html).toContain(
      '<tr><th scope="row">1000000000</th><td>$89.86</td><td>$1033.34</td><td>Servers</td></tr>',
    );
  });
});

describe('the page model', () => {
  it("the note's example, ready for the page", () => {
    const model = costPageModel(
      { requestsPerMonth: 1e6, durationMs: 200, memoryMb: 256, servers: 3 },
      PRICES,
    );
    expect(model.view.server).toBe('$89.86');
    expect(model.view.serverless).toBe('$1.03');
    expect(model.chart).toContain('The lines cross at 86,957,279 requests a month.');
    expect(model.chart).toContain('Servers (3 × t3.medium) cost $89.86 a month at any volume.');
    expect(model.chart).toContain('>break-even 87M</text>');
    expect(model.rows).toContain('<th scope="row">1,000,000 (your volume)</th><td>$89.86</td><td>$1.03</td>');
  });

  it('no servers and no traffic', () => {
    const model = costPageModel({ requestsPerMonth: 0, durationMs: 200, memoryMb: 256, servers: 0 }, PRICES);
    expect(model.chart).toContain('No servers: the server line is not drawn.');
    expect(model.chart).not.toContain('Your volume');
    expect(model.chart).not.toContain('chart-marker-label');
  });
});
