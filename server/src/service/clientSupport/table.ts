// The hover of a client-support diagnostic: the support of its feature in each target client, with
// the caniemail link and the date of the data.
import * as l10n from '@vscode/l10n';
import { clientInfo, clientName, CHINESE_FAMILIES, DATA_DATE, DATA_VERSION, featureInfo, supportOf, type Support } from './data';

function supportLabel(support: Support): string {
  switch (support) {
    case 'y': return '✓ ' + l10n.t('supported');
    case 'n': return '✗ ' + l10n.t('not supported');
    case 'a': return '◐ ' + l10n.t('partly');
    default: return '? ' + l10n.t('unknown');
  }
}

/** Table cells: one line, no `|` (they would end the cell). */
const cell = (text: string) => text.replace(/[\r\n]/g, ' ').split('|').join('\\|');
/** A data title as Markdown text: `<video> element` would be taken for an HTML tag. */
const title = (text: string) => cell(text).split('<').join('\\<');

/** A curated result's source, with the date it was published or observed when the data has it. */
function sourceText(source: string | undefined, observed: string | undefined): string {
  if (source === undefined || source === 'unknown') return l10n.t('source: {0}', l10n.t('unknown'));
  return observed ? l10n.t('source: {0} ({1})', source, observed) : l10n.t('source: {0}', source);
}

/** The support table of `slug` across `clients` (ids), as Markdown; undefined for an unknown feature. */
export function supportTable(slug: string, clients: readonly string[]): string | undefined {
  const info = featureInfo(slug);
  if (!info) return undefined;
  const rows = [`| ${l10n.t('Client')} | ${l10n.t('Support')} | ${l10n.t('Note')} |`, '| --- | --- | --- |'];
  let curated = false;
  for (const id of clients) {
    const client = clientInfo(id);
    if (!client) continue;
    const found = supportOf(slug, id);
    const chinese = CHINESE_FAMILIES.has(client.family);
    curated ||= chinese;
    const note = [...found.notes, ...(chinese ? [sourceText(found.source, found.observed)] : [])].join(' ');
    rows.push(`| ${cell(clientName(id))} | ${supportLabel(found.support)} | ${cell(note)} |`);
  }
  const lines = [
    `**${title(info.title)}**: ${l10n.t('support in the target clients ({0})', '`sesStudio.clients`')}`,
    '',
    ...rows,
    '',
    `[${l10n.t('caniemail: {0}', title(info.title))}](${info.url}) · ${l10n.t('caniemail data of {0} (caniemail {1}), feature last tested {2}', DATA_DATE, DATA_VERSION, info.lastTest ?? '?')}`,
  ];
  if (curated) lines.push('', l10n.t('Chinese mailboxes: curated data with a public source per entry, else unknown (docs/client-support.md).'));
  return lines.join('\n');
}
