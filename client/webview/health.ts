// The Sending-health webview's script, bundled with uPlot by esbuild into dist/webview/health.js (an
// IIFE; no eval, no inline code: it runs by the page's nonce). It builds the page from the extension's
// messages (client/src/health/messages.ts): the query form, totals, two uPlot charts in the VS Code
// theme's colours, and a table of the same numbers.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './health.css';
import { percent, type Rates } from '#common/cloud/statistics';
import { chartData, RATE_SERIES, VOLUME_SERIES } from '../src/health/healthReport';
import type { HealthFromWebview, HealthQuery, HealthReport, HealthStrings, HealthToWebview } from '../src/health/messages';

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
  app.replaceChildren(el('h1', {}, s.title), queryForm, el('div', { id: 'toolbar' }, tabs, form.exportCsv), status, totals, chartsSection, tableSection);
  setView(view);
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
  }
});

// The theme changed (VS Code swaps the body's class and the --vscode-* variables): redraw in its colours.
new MutationObserver(() => { if (report && view === 'charts') drawCharts(report); }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const width = Math.max(320, chartsSection.clientWidth);
    for (const chart of charts) chart.setSize({ width, height: 260 });
  }, 100);
}).observe(app);

vscode.postMessage({ type: 'ready' });
