// The spam score view's page: score against the threshold, each rule with its description and a link
// to where it can be acted on, and the note that network tests were left out. Pure (no vscode): the
// strings come in, so a unit test reads the page the view shows.
import { escapeHtml } from '#common/substitute';
import type { ScoredRule } from '#common/spam/spamScore';

export interface ReportStrings {
  readonly title: string;
  /** "Spam score 0.8 of 5.0". */
  readonly scoreLine: string;
  /** Below / at or above the threshold. */
  readonly verdict: string;
  readonly details: readonly string[];
  readonly columns: { points: string; rule: string; description: string; where: string };
  readonly informational: string;
  readonly network: string;
  /** A link's text for a rule's place (`ses.config.json:4:27`), by rule name. */
  readonly places: ReadonlyMap<string, string>;
}

export interface ReportPage {
  readonly nonce: string;
  readonly cspSource: string;
  readonly lang: string;
}

export function reportHtml(page: ReportPage, strings: ReportStrings, rules: readonly ScoredRule[], spam: boolean | undefined, error?: string): string {
  const e = escapeHtml;
  const rows = rules.map((rule, index) => {
    const place = strings.places.get(rule.name);
    const where = rule.informational ? `<span class="muted">${e(strings.informational)}</span>` : place ? `<a href="#" data-rule="${index}">${e(place)}</a>` : '';
    const matched = rule.matches.length ? `<div class="muted">«${e(rule.matches.join('», «'))}»</div>` : '';
    return `<tr class="${rule.score > 0 ? 'scores' : ''}"><td class="num">${e(rule.score.toFixed(1))}</td><td><code>${e(rule.name)}</code></td><td>${e(rule.description)}${matched}</td><td>${where}</td></tr>`;
  }).join('\n');
  const body = error !== undefined
    ? `<p id="error" class="error">${e(error)}</p>`
    : `<p id="score" class="${spam ? 'spam' : 'ham'}"><strong>${e(strings.scoreLine)}</strong> — ${e(strings.verdict)}</p>
${strings.details.map((d) => `<p class="muted">${e(d)}</p>`).join('\n')}
<p id="network" class="muted">${e(strings.network)}</p>
<table id="rules"><thead><tr><th>${e(strings.columns.points)}</th><th>${e(strings.columns.rule)}</th><th>${e(strings.columns.description)}</th><th>${e(strings.columns.where)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="${e(page.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${e(page.nonce)}'">
<title>${e(strings.title)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.scores td.num { font-weight: bold; }
.muted { opacity: 0.75; }
.spam strong, .error { color: var(--vscode-errorForeground, #c00); }
.ham strong { color: var(--vscode-testing-iconPassed, #080); }
a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
<h1>${e(strings.title)}</h1>
${body}
${error !== undefined ? `<p id="network" class="muted">${e(strings.network)}</p>` : ''}
<script nonce="${e(page.nonce)}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-rule]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', rule: Number(link.dataset.rule) });
});
</script>
</body>
</html>`;
}
