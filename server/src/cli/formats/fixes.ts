// How `check --fix` says what it changed: one line per fix in text, notices for GitHub, and the
// unified diff of `--fix --dry-run`. The findings that remain are printed by the usual format after.
import * as l10n from '@vscode/l10n';
import type { AppliedFix } from '../fix';
import { escapeData, escapeProperty } from './github';
import { byCount } from '#common/plural';

export function fixLines(fixes: readonly AppliedFix[], dryRun: boolean): string {
  const lines = fixes.map((f) => `${f.path}:${f.line}:${f.column} ${dryRun ? l10n.t('would fix') : l10n.t('fixed')} ${f.code} ${f.title}`);
  lines.push(fixSummary(fixes, dryRun));
  return lines.join('\n') + '\n';
}

export function fixSummary(fixes: readonly AppliedFix[], dryRun: boolean): string {
  const files = new Set(fixes.map((f) => f.path)).size;
  if (fixes.length === 0) return l10n.t('Nothing to fix.');
  const n = fixes.length;
  if (dryRun) {
    if (files > 1) return l10n.t('{0} fixes in {1} files would be made (--dry-run: nothing written).', n, files);
    return byCount(n, () => l10n.t('1 fix in 1 file would be made (--dry-run: nothing written).'), () => l10n.t('{0} fixes in 1 file would be made (--dry-run: nothing written).', n));
  }
  if (files > 1) return l10n.t('{0} fixes made in {1} files.', n, files);
  return byCount(n, () => l10n.t('1 fix made in 1 file.'), () => l10n.t('{0} fixes made in 1 file.', n));
}

export function fixAnnotations(fixes: readonly AppliedFix[], dryRun: boolean): string {
  return fixes.map((f) => `::notice file=${escapeProperty(f.path)},line=${f.line},col=${f.column},title=${escapeProperty(`${dryRun ? 'would fix' : 'fixed'} ${f.code}`)}::${escapeData(f.title)}`).join('\n') + (fixes.length > 0 ? '\n' : '');
}
