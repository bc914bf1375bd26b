// The Sending-health webview's script, bundled with uPlot by esbuild into dist/webview/health.js (an
// IIFE; no eval, no inline code: it runs by the page's nonce). It builds the page from the extension's
// messages (client/src/health/messages.ts): the query form, totals, two uPlot charts in the VS Code
// theme's colours, and a table of the same numbers.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './health.css';
import { percent, type Rates } from '#common/cloud/statistics';
import { chartData, RATE_SERIES, VOLUME_SERIES } from '../src/health/healthReport';
import type { HealthFromWebview, HealthQuery, HealthReport, HealthStrings, HealthToWebview, WarmupDomain, WarmupReport } from '../src/health/messages';
import { flaggedDays, warmupChartData } from '../src/health/warmupReport';
import { validPlan } from '#common/cloud/warmup';

interface VsCodeApi {
  postMessage(message: HealthFromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

let strings: HealthStrings | undefined;
let locale = 'en';
let report: HealthReport | undefined;
let view: 'charts' | 'table' = (vscode.getState() as { view?: string } | undefined)?.view === 'table' ? 'table' : 'charts';
const charts: uPlot[] = [];
let warmup: WarmupReport | undefined;
let warmupChart: uPlot | undefined;
let warmupSelected = '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function number(value: number): string {
  return value.toLocaleString(locale);
}

// ---- the form --------------------------------------------------------------------------------------

const form = {
  start: el('input', { type: 'date', id: 'start', required: '' }),
  end: el('input', { type: 'date', id: 'end', required: '' }),
  domain: el('select', { id: 'domain' }),
  mailbox: el('input', { type: 'text', id: 'mailbox', list: 'mailbox-types', spellcheck: 'false', autocomplete: 'off' }),
  mailboxList: el('datalist', { id: 'mailbox-types' }),
  show: el('button', { type: 'submit', id: 'show' }),
  chartsTab: el('button', { type: 'button', id: 'tab-charts', role: 'tab' }),
  tableTab: el('button', { type: 'button', id: 'tab-table', role: 'tab' }),
  exportCsv: el('button', { type: 'button', id: 'export-csv' }),
};
const status = el('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
const totals = el('section', { id: 'totals' });
const chartsSection = el('section', { id: 'charts' });
const tableSection = el('section', { id: 'table' });
const warmupSection = el('section', { id: 'warmup', 'aria-labelledby': 'warmup-title' });

function currentQuery(): HealthQuery {
  return { StartDate: form.start.value, EndDate: form.end.value, Domain: form.domain.value, ReceivingMailboxType: form.mailbox.value.trim() };
}

function buildPage(s: HealthStrings, query: HealthQuery, domains: readonly string[], mailboxTypes: readonly string[]): void {
  const label = (text: string, control: HTMLElement) => el('label', {}, el('span', {}, text), control);
  form.domain.replaceChildren(el('option', { value: '' }, s.allDomains), ...domains.map((d) => el('option', { value: d }, d)));
  if (query.Domain && !domains.includes(query.Domain)) form.domain.append(el('option', { value: query.Domain }, query.Domain));
  form.mailboxList.replaceChildren(...mailboxTypes.map((m) => el('option', { value: m })));
  form.mailbox.placeholder = s.allMailboxTypes;
  form.mailbox.title = s.otherMailboxType;
  form.show.textContent = s.show;
  form.chartsTab.textContent = s.charts;
  form.tableTab.textContent = s.table;
  form.exportCsv.textContent = s.exportCsv;
  setForm(query);
  const queryForm = el('form', { id: 'query' },
    label(s.from, form.start), label(s.to, form.end), label(s.domain, form.domain), label(s.mailboxType, form.mailbox), form.mailboxList, form.show);
  queryForm.addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'query', query: currentQuery() });
  });
  const tabs = el('div', { role: 'tablist', id: 'views' }, form.chartsTab, form.tableTab);
  form.chartsTab.addEventListener('click', () => setView('charts'));
  form.tableTab.addEventListener('click', () => setView('table'));
  form.exportCsv.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
  app.replaceChildren(el('h1', {}, s.title), queryForm, el('div', { id: 'toolbar' }, tabs, form.exportCsv), status, totals, chartsSection, tableSection, warmupSection);
  setView(view);
  drawWarmup();
}

function setForm(query: HealthQuery): void {
  form.start.value = query.StartDate;
  form.end.value = query.EndDate;
  form.domain.value = query.Domain;
  form.mailbox.value = query.ReceivingMailboxType;
}

function setView(next: 'charts' | 'table'): void {
  view = next;
  vscode.setState({ view });
  form.chartsTab.setAttribute('aria-selected', String(view === 'charts'));
  form.tableTab.setAttribute('aria-selected', String(view === 'table'));
  chartsSection.hidden = view !== 'charts';
  tableSection.hidden = view !== 'table';
  if (view === 'charts' && report) drawCharts(report);
  drawWarmup();
}

// ---- totals ----------------------------------------------------------------------------------------

function drawTotals(s: HealthStrings, r: HealthReport): void {
  const t = r.total;
  const item = (name: string, value: string, warn = false) => el('div', { class: warn ? 'total warn' : 'total' }, el('span', { class: 'name' }, name), el('span', { class: 'value' }, value));
  const bounceHigh = r.totalRates.bounce !== undefined && r.totalRates.bounce > r.maxBounceRate;
  const children: Node[] = [
    el('h2', {}, s.totals),
    el('div', { class: 'grid' },
      item(s.requests, number(t.RequestCount)), item(s.accepted, number(t.AcceptedCount)), item(s.delivered, number(t.DeliveredCount)),
      item(s.bounced, number(t.BounceCount)), item(s.opened, number(t.OpenedCount)), item(s.clicked, number(t.ClickedCount)),
      item(s.unsubscribed, number(t.UnsubscribeCount)),
      item(s.deliveryRate, percent(r.totalRates.delivery)), item(s.bounceRate, percent(r.totalRates.bounce), bounceHigh),
      item(s.unsubscribeRate, percent(r.totalRates.unsubscribe)), item(s.openRate, percent(r.totalRates.open)), item(s.clickRate, percent(r.totalRates.click))),
    el('p', { class: 'note' }, s.bounceLimitNote),
  ];
  if (r.highBounceDays.length) children.push(el('p', { class: 'warn', id: 'high-bounce' }, `${s.highBounceDays} ${r.highBounceDays.join(', ')}`));
  if (t.RequestCount === 0) children.push(el('p', { id: 'no-traffic' }, s.noTraffic));
  totals.replaceChildren(...children);
}

// ---- charts ----------------------------------------------------------------------------------------

function palette() {
  return {
    foreground: themeColor('--vscode-foreground', '#cccccc'),
    lines: themeColor('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    blue: themeColor('--vscode-charts-blue', '#3794ff'),
    green: themeColor('--vscode-charts-green', '#89d185'),
    red: themeColor('--vscode-charts-red', '#f14c4c'),
    yellow: themeColor('--vscode-charts-yellow', '#cca700'),
    orange: themeColor('--vscode-charts-orange', '#d18616'),
    purple: themeColor('--vscode-charts-purple', '#b180d7'),
    font: `${themeColor('--vscode-font-size', '13px')} ${themeColor('--vscode-font-family', 'sans-serif')}`,
  };
}

function drawCharts(r: HealthReport): void {
  for (const chart of charts.splice(0)) chart.destroy();
  const s = strings;
  if (!s) return;
  const colors = palette();
  const data = chartData(r);
  const dates = r.days.map((d) => d.SendDate);
  const width = Math.max(320, chartsSection.clientWidth || app.clientWidth - 32);
  const axis = (values?: uPlot.Axis['values'], size?: number): uPlot.Axis => ({ stroke: colors.foreground, grid: { stroke: colors.lines, width: 1 }, ticks: { stroke: colors.lines, width: 1 }, font: colors.font, ...(values ? { values } : {}), ...(size ? { size } : {}) });
  const xAxis = axis((_u, splits) => splits.map((i) => dates[i]?.slice(5) ?? ''));
  const volumeColors = [colors.foreground, colors.blue, colors.green, colors.red, colors.yellow, colors.purple, colors.orange];
  const volumeNames = [s.requests, s.accepted, s.delivered, s.bounced, s.opened, s.clicked, s.unsubscribed];
  const volumeHost = el('figure', { id: 'chart-volumes', 'aria-label': s.volumesTitle }, el('figcaption', {}, s.volumesTitle));
  const ratesHost = el('figure', { id: 'chart-rates', 'aria-label': s.ratesTitle }, el('figcaption', {}, s.ratesTitle));
  chartsSection.replaceChildren(volumeHost, ratesHost);
  const common = { width, height: 260, scales: { x: { time: false } }, legend: { live: true }, cursor: { drag: { x: false, y: false } } };
  const xSeries: uPlot.Series = { label: s.date, value: (_u, i) => (i === null ? '' : dates[i] ?? '') };
  charts.push(new uPlot({
    ...common,
    series: [xSeries, ...VOLUME_SERIES.map((_, i): uPlot.Series => ({ label: volumeNames[i], stroke: volumeColors[i], width: 2, value: (_u, v) => (v === null ? '–' : number(v)) }))],
    axes: [xAxis, axis((_u, splits) => splits.map((v) => number(v)), 70)],
  }, [data.x, ...data.volumes] as uPlot.AlignedData, volumeHost));
  const rateNames: Record<(typeof RATE_SERIES)[number], string> = { delivery: s.deliveryRate, bounce: s.bounceRate, unsubscribe: s.unsubscribeRate, open: s.openRate, click: s.clickRate };
  const rateColors: Record<(typeof RATE_SERIES)[number], string> = { delivery: colors.green, bounce: colors.red, unsubscribe: colors.orange, open: colors.yellow, click: colors.purple };
  charts.push(new uPlot({
    ...common,
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(100, max ?? 0)] } },
    series: [
      xSeries,
      ...RATE_SERIES.map((key): uPlot.Series => ({ label: rateNames[key], stroke: rateColors[key], width: 2, spanGaps: false, value: (_u, v) => (v === null ? '–' : `${v.toFixed(1)} %`) })),
      { label: s.bounceLimit, stroke: colors.red, width: 1, dash: [6, 4], points: { show: false }, value: () => '5 %' },
    ],
    axes: [xAxis, axis((_u, splits) => splits.map((v) => `${v} %`), 70)],
  }, [data.x, ...data.rates] as uPlot.AlignedData, ratesHost));
  chartsSection.dataset.drawn = String(charts.length);
}

// ---- table -----------------------------------------------------------------------------------------

function drawTable(s: HealthStrings, r: HealthReport): void {
  const headers = [s.date, s.requests, s.accepted, s.delivered, s.bounced, s.opened, s.clicked, s.unsubscribed, s.deliveryRate, s.bounceRate, s.unsubscribeRate];
  const row = (cells: string[], rates: Rates, header: boolean, date: string) => {
    const bounceHigh = rates.bounce !== undefined && rates.bounce > r.maxBounceRate;
    return el('tr', { 'data-date': date, class: bounceHigh ? 'warn' : '' }, ...cells.map((cell, i) => (i === 0 || header ? el('th', { scope: 'row' }, cell) : el('td', i === 9 && bounceHigh ? { class: 'warn' } : {}, cell))));
  };
  const cellsOf = (label: string, day: HealthReport['total'], rates: Rates) => [
    label, number(day.RequestCount), number(day.AcceptedCount), number(day.DeliveredCount), number(day.BounceCount), number(day.OpenedCount),
    number(day.ClickedCount), number(day.UnsubscribeCount), percent(rates.delivery), percent(rates.bounce), percent(rates.unsubscribe),
  ];
  const table = el('table', { id: 'numbers' },
    el('caption', {}, `${r.query.StartDate} – ${r.query.EndDate}${r.query.Domain ? ` · ${r.query.Domain}` : ''}${r.query.ReceivingMailboxType ? ` · ${r.query.ReceivingMailboxType}` : ''}`),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...r.days.map((day, i) => row(cellsOf(day.SendDate, day, r.rates[i]), r.rates[i], false, day.SendDate))),
    el('tfoot', {}, row(cellsOf(s.total, r.total, r.totalRates), r.totalRates, true, 'total')));
  tableSection.replaceChildren(table);
}

// ---- warm-up and quota ------------------------------------------------------------------------------

const plan = {
  start: el('input', { type: 'date', id: 'plan-start', required: '' }),
  volume: el('input', { type: 'number', id: 'plan-volume', min: '1', max: '1000000', step: '1', required: '' }),
  growth: el('input', { type: 'number', id: 'plan-growth', min: '0', max: '200', step: '0.1', required: '' }),
  save: el('button', { type: 'submit', id: 'save-plan' }),
  clear: el('button', { type: 'button', id: 'clear-plan' }),
  problem: el('p', { id: 'plan-problem', class: 'warn', role: 'alert' }),
};

function selectedSection(): WarmupDomain | undefined {
  if (!warmup) return undefined;
  return warmup.domains.find((d) => d.domain === warmupSelected) ?? warmup.domains[0];
}

function drawWarmup(): void {
  warmupChart?.destroy();
  warmupChart = undefined;
  const s = strings;
  if (!s) return;
  const children: Node[] = [el('h2', { id: 'warmup-title' }, s.warmupTitle)];
  if (!warmup) {
    warmupSection.replaceChildren(...children, el('p', { class: 'note' }, s.warmupLoading));
    return;
  }
  if (warmup.error) {
    warmupSection.replaceChildren(...children, el('p', { class: 'error', id: 'warmup-error' }, warmup.error));
    return;
  }
  if (warmup.domains.length === 0) {
    warmupSection.replaceChildren(...children, el('p', { id: 'warmup-none' }, s.noDomains));
    return;
  }
  const section = selectedSection() as WarmupDomain;
  warmupSelected = section.domain;
  const select = el('select', { id: 'warmup-domain' }, ...warmup.domains.map((d) => el('option', { value: d.domain }, d.domain)));
  select.value = section.domain;
  select.addEventListener('change', () => {
    warmupSelected = select.value;
    drawWarmup();
  });
  const link = el('a', { href: warmup.ladderSource, id: 'ladder-source' }, s.ladderSource);
  const fact = (id: string, name: string, value: string) => el('div', { class: 'total', id }, el('span', { class: 'name' }, name), el('span', { class: 'value' }, value));
  children.push(
    el('label', { class: 'inline' }, el('span', {}, s.warmupDomain), select),
    el('div', { class: 'grid', id: 'warmup-facts' },
      fact('warmup-level', s.level, section.level === undefined ? '–' : String(section.level)),
      fact('warmup-quota', s.dailyQuota, section.quota === undefined ? '–' : number(section.quota)),
      fact('warmup-next', s.nextLevel, section.next ? `${section.next.level} · ${number(section.next.quota)}` : '–')),
    el('p', { class: 'note' }, s.ladderNote, ' ', link),
  );
  if (!section.sendingEnabled) children.push(el('p', { class: 'warn' }, s.sendingDisabled));
  if (section.error) children.push(el('p', { class: 'error' }, section.error));

  // The plan form: the saved plan, else the suggestion.
  const shown = section.plan ?? section.suggested;
  plan.start.value = shown.startDate;
  plan.volume.value = String(shown.startVolume);
  plan.growth.value = String(shown.dailyGrowthPercent);
  plan.save.textContent = s.savePlan;
  plan.clear.textContent = s.clearPlan;
  plan.clear.hidden = !section.plan;
  plan.problem.textContent = '';
  const label = (text: string, control: HTMLElement) => el('label', {}, el('span', {}, text), control);
  const planForm = el('form', { id: 'plan' }, label(s.planStart, plan.start), label(s.planVolume, plan.volume), label(s.planGrowth, plan.growth), plan.save, plan.clear);
  planForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const candidate = validPlan({ startDate: plan.start.value, startVolume: Number(plan.volume.value), dailyGrowthPercent: Number(plan.growth.value) });
    if (!candidate) {
      plan.problem.textContent = s.planInvalid;
      return;
    }
    vscode.postMessage({ type: 'setPlan', domain: section.domain, plan: candidate });
  });
  plan.clear.onclick = () => vscode.postMessage({ type: 'clearPlan', domain: section.domain });
  const planText = section.plan
    ? s.planSaved.replace('{0}', number(section.plan.startVolume)).replace('{1}', section.plan.startDate).replace('{2}', String(section.plan.dailyGrowthPercent))
    : s.planNone;
  children.push(el('h3', {}, s.planTitle), el('p', { id: 'plan-text' }, planText), planForm, plan.problem);
  if (section.reachesNext && section.next) children.push(el('p', { class: 'note', id: 'plan-reaches' }, s.planReaches.replace('{0}', number(section.next.quota)).replace('{1}', section.reachesNext)));

  // What stands out, with the FAQ's explanation.
  const flagged = flaggedDays(section);
  const flag = (id: string, title: string, days: string[], advice: string) => el('div', { class: 'flag', id }, el('p', { class: 'warn' }, `${title} ${days.join(', ')}`), el('p', { class: 'note' }, advice));
  if (flagged.overQuota.length) children.push(flag('over-quota', s.overQuotaDays, flagged.overQuota, s.quotaAdvice));
  if (flagged.overPlan.length) children.push(flag('over-plan', s.overPlanDays, flagged.overPlan, s.warmupAdvice));
  if (flagged.highBounce.length) children.push(flag('warmup-high-bounce', s.highBounceDays, flagged.highBounce, s.bounceAdvice));
  if (!section.plan) children.push(el('p', { class: 'note' }, s.warmupAdvice));

  const chartHost = el('figure', { id: 'chart-warmup', 'aria-label': s.warmupChartTitle }, el('figcaption', {}, s.warmupChartTitle));
  chartHost.hidden = view !== 'charts';
  children.push(chartHost, warmupTable(s, section));
  warmupSection.replaceChildren(...children);
  warmupSection.dataset.domain = section.domain;
  warmupSection.dataset.plan = section.plan ? `${section.plan.startDate}/${section.plan.startVolume}/${section.plan.dailyGrowthPercent}` : '';
  if (view === 'charts' && section.days.length) drawWarmupChart(s, section, chartHost);
}

function warmupTable(s: HealthStrings, section: WarmupDomain): HTMLElement {
  const headers = [s.date, s.sent, s.planned, s.quota, s.bounceRate];
  const table = el('table', { id: 'warmup-numbers' },
    el('caption', {}, `${warmup?.StartDate ?? ''} – ${warmup?.EndDate ?? ''} · ${section.domain}`),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...section.days.map((day) => {
      const classes = [day.overPlan ? 'over-plan' : '', day.overQuota ? 'over-quota' : '', day.highBounce ? 'high-bounce' : ''].filter(Boolean).join(' ');
      return el('tr', { 'data-date': day.date, class: classes },
        el('th', { scope: 'row' }, day.date),
        el('td', day.overPlan || day.overQuota ? { class: 'warn' } : {}, number(day.sent)),
        el('td', {}, day.planned === undefined ? '–' : number(day.planned)),
        el('td', {}, day.quota === undefined ? '–' : number(day.quota)),
        el('td', day.highBounce ? { class: 'warn' } : {}, percent(day.bounceRate)));
    })));
  table.hidden = view !== 'table';
  return table;
}

function drawWarmupChart(s: HealthStrings, section: WarmupDomain, host: HTMLElement): void {
  const colors = palette();
  const data = warmupChartData(section);
  const dates = section.days.map((d) => d.date);
  const width = Math.max(320, warmupSection.clientWidth || app.clientWidth - 32);
  const axis = (values: uPlot.Axis['values'], size?: number): uPlot.Axis => ({ stroke: colors.foreground, grid: { stroke: colors.lines, width: 1 }, ticks: { stroke: colors.lines, width: 1 }, font: colors.font, values, ...(size ? { size } : {}) });
  // A sent day over the plan or the quota gets a red point; the others none.
  const flaggedPoint = (index: number) => section.days[index]?.overPlan === true || section.days[index]?.overQuota === true;
  warmupChart = new uPlot({
    width, height: 260,
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(10, (max ?? 0) * 1.08)] } },
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: s.date, value: (_u, i) => (i === null ? '' : dates[i] ?? '') },
      {
        label: s.sent, stroke: colors.blue, width: 2, value: (_u, v) => (v === null ? '–' : number(v)),
        points: { show: true, size: 7, fill: colors.red, stroke: colors.red, filter: (_u, _seriesIndex, _show) => data.x.filter(flaggedPoint) },
      },
      { label: s.quota, stroke: colors.red, width: 1, dash: [6, 4], points: { show: false }, value: (_u, v) => (v === null ? '–' : number(v)) },
      { label: s.planned, stroke: colors.green, width: 2, dash: [2, 3], spanGaps: false, points: { show: false }, value: (_u, v) => (v === null ? '–' : number(v)) },
    ],
    axes: [axis((_u, splits) => splits.map((i) => dates[i]?.slice(5) ?? '')), axis((_u, splits) => splits.map((v) => number(v)), 70)],
  }, [data.x, data.sent, data.quota, data.planned] as uPlot.AlignedData, host);
  host.dataset.drawn = 'true';
}

// ---- messages --------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<HealthToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      strings = message.strings;
      locale = message.locale;
      buildPage(message.strings, message.query, message.domains, message.mailboxTypes);
      break;
    case 'loading':
      setForm(message.query);
      app.setAttribute('aria-busy', 'true');
      status.className = '';
      status.textContent = strings?.loading ?? '';
      break;
    case 'error':
      setForm(message.query);
      app.setAttribute('aria-busy', 'false');
      status.className = 'error';
      status.textContent = message.message;
      report = undefined;
      for (const chart of charts.splice(0)) chart.destroy();
      totals.replaceChildren();
      chartsSection.replaceChildren();
      tableSection.replaceChildren();
      break;
    case 'report':
      if (!strings) break;
      report = message.report;
      setForm(report.query);
      status.className = '';
      status.textContent = '';
      drawTotals(strings, report);
      drawTable(strings, report);
      if (view === 'charts') drawCharts(report);
      app.setAttribute('aria-busy', 'false');
      document.body.dataset.report = `${report.query.StartDate}/${report.query.EndDate}/${report.query.Domain}/${report.query.ReceivingMailboxType}`;
      break;
    case 'warmup':
      warmup = message.warmup;
      if (!warmupSelected && report?.query.Domain) warmupSelected = report.query.Domain;
      drawWarmup();
      break;
  }
});

// The theme changed (VS Code swaps the body's class and the --vscode-* variables): redraw in its colours.
new MutationObserver(() => {
  if (report && view === 'charts') drawCharts(report);
  if (warmup && view === 'charts') drawWarmup();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const width = Math.max(320, chartsSection.clientWidth);
    for (const chart of charts) chart.setSize({ width, height: 260 });
    warmupChart?.setSize({ width: Math.max(320, warmupSection.clientWidth), height: 260 });
  }, 100);
}).observe(app);

vscode.postMessage({ type: 'ready' });
