import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/** What makes a table a data table: header cells, a caption, a header group, or cells tied to headers. */
const DATA_TAGS = new Set(['th', 'caption', 'thead']);
const LAYOUT_ROLES = new Set(['presentation', 'none']);

/**
 * A `<table>` that lays the email out but has no `role="presentation"`: screen readers announce
 * "table, 3 rows, 2 columns" and every cell, for tables that only place content (WCAG 1.3.1). A table
 * with header cells, a caption or `scope`/`headers` holds data and keeps its table semantics.
 */
export const a11yLayoutTable: Check = {
  meta: { id: 'a11y-layout-table', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const tables = html.named('table');
      if (tables.length === 0) continue;
      const data = dataTables(html);
      for (const table of tables) {
        const role = attribute(table, 'role')?.value;
        if (role !== undefined && (role.includes('{{') || role.trim().toLowerCase().split(/\s+/).some((r) => LAYOUT_ROLES.has(r) || r === 'table' || r === 'grid'))) continue;
        if (data.has(table)) continue;
        report(document, { ...tagRange(table), message: l10n.t('This table has no {0}: screen readers announce it as a table, with its rows and columns, although it only lays out the email. Add {0}; if it holds data, give it header cells ({1}) instead.', '`role="presentation"`', '`<th>`') });
      }
    }
  },
};

/**
 * The tables that hold data: those with a data marker whose nearest enclosing table they are. One sweep
 * in document order with a stack of open tables.
 */
function dataTables(html: HtmlModel): Set<HtmlElement> {
  const found = new Set<HtmlElement>();
  const open: Array<{ table: HtmlElement; end: number }> = [];
  for (const element of html.elements) {
    while (open.length > 0 && open[open.length - 1].end <= element.start) open.pop();
    if (element.tag === 'table') {
      open.push({ table: element, end: element.closeStart ?? Number.MAX_SAFE_INTEGER });
      if (attribute(element, 'summary')) found.add(element);
      continue;
    }
    if (open.length === 0) continue;
    if (DATA_TAGS.has(element.tag) || (element.tag === 'td' && (attribute(element, 'scope') || attribute(element, 'headers')))) found.add(open[open.length - 1].table);
  }
  return found;
}
