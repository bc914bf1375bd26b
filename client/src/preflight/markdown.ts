// Report → Markdown for the help view (client/src/commands/helpView.ts). Pure (no vscode).
import type { Finding, L10n, Outcome, PreflightReport } from './report';

export const OUTCOME_ICON: Record<Outcome, string> = { pass: '✓', warn: '⚠', fail: '✗', skipped: '–' };

/** An FAQ topic as the language server gives it (FaqTopicRequest). */
export interface FaqText {
  readonly id: string;
  readonly title: string;
  readonly markdown: string;
}

/** Markdown special characters of API and file text escaped, so that a value never becomes markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/**
 * The anchor of an FAQ topic appended to the report. The Markdown preview refuses `command:` links
 * (microsoft/vscode#215939), so the steps link to the topic's text further down the same page.
 */
export function faqAnchor(id: string): string {
  return `faq-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

function findingLines(l10n: L10n, finding: Finding): string[] {
  const lines = [`- ${OUTCOME_ICON[finding.outcome]} ${escapeMarkdown(finding.text)}`];
  if (finding.fix) lines.push(`  - ${l10n.t('Fix')}: ${escapeMarkdown(finding.fix)}`);
  return lines;
}

export function preflightMarkdown(l10n: L10n, report: PreflightReport, faq: readonly FaqText[] = []): string {
  const count = (o: Outcome) => report.steps.filter((s) => s.outcome === o).length;
  const lines = [
    `# ${l10n.t('Preflight check: {0}', escapeMarkdown(report.template))}`, '',
    `${OUTCOME_ICON[report.outcome]} ${l10n.t('{0} passed, {1} with warnings, {2} failed, {3} skipped; via {4}.', count('pass'), count('warn'), count('fail'), count('skipped'), escapeMarkdown(report.target))}`, '',
    l10n.t('The checklist of the Tencent Cloud SES FAQ "Why emails fail to be sent?", in its order. When a send fails, look up its error code first ("SES: Explain Error Code").'), '',
  ];
  for (const step of report.steps) {
    lines.push(`## ${OUTCOME_ICON[step.outcome]} ${step.number}. ${escapeMarkdown(step.title)}`, '', `*${l10n.t('Checked')}: ${escapeMarkdown(step.checked)}*`, '');
    for (const finding of step.findings) lines.push(...findingLines(l10n, finding));
    const links = step.faqTopics.map((id) => {
      const topic = faq.find((t) => t.id === id);
      return topic ? `[${escapeMarkdown(topic.title)}](#${faqAnchor(id)})` : escapeMarkdown(id);
    });
    if (links.length > 0) lines.push('', `${l10n.t('FAQ')}: ${links.join(' · ')}`);
    lines.push('');
  }
  const used = faq.filter((topic) => report.steps.some((s) => s.faqTopics.includes(topic.id)));
  if (used.length > 0) {
    lines.push('---', '', `# ${l10n.t('The FAQ topics of this check')}`, '');
    // The topics' own Markdown (from the knowledge base), one level deeper, so that they sit under this heading.
    for (const topic of used) lines.push(`<a id="${faqAnchor(topic.id)}"></a>`, '', topic.markdown.replace(/^(#+) /gm, '#$1 ').trim(), '');
  }
  return lines.join('\n') + '\n';
}
