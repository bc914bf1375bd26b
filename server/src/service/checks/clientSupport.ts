import * as l10n from '@vscode/l10n';
import { clientInfo, DEFAULT_CLIENTS, familyName, featureInfo, platformName, resolveClients, supportOf } from '../clientSupport/data';
import { featureUses, type FeatureUse } from '../clientSupport/features';
import { code } from './common';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/** What a client-support diagnostic keeps in `data`, for its hover: the feature and the target clients. */
export interface ClientSupportData {
  readonly feature: string;
  readonly clients: readonly string[];
}

/** Related places listed on one diagnostic at most; the message gives the full count. */
const MAX_RELATED = 50;

interface Verdict {
  /** Target clients without the feature. */
  readonly lacking: readonly string[];
  /** Target clients with partial support whose note says what to write instead, with that note. */
  readonly partial: ReadonlyArray<{ client: string; note: string }>;
}

/**
 * Whether a caniemail note of partial support tells the author what to do: it names what to write
 * instead ("…can be used in the `background` shorthand property instead", "Use `float:left`…",
 * "Works with `-webkit` prefix"). Notes about the recipient's account type or a client's bug do not.
 */
export function actionableNote(note: string): boolean {
  const lower = note.toLowerCase();
  return lower.includes(' instead') || lower.startsWith('use ') || lower.includes('. use ') || lower.startsWith('works with ');
}

const verdicts = new Map<string, Verdict | null>();

function verdictOf(slug: string, clients: readonly string[], key: string): Verdict | null {
  const memoKey = slug + '\u0000' + key;
  const known = verdicts.get(memoKey);
  if (known !== undefined) return known;
  const lacking: string[] = [];
  const partial: Array<{ client: string; note: string }> = [];
  for (const client of clients) {
    const cell = supportOf(slug, client);
    if (cell.support === 'n') lacking.push(client);
    else if (cell.support === 'a') {
      const note = cell.notes.find(actionableNote);
      if (note) partial.push({ client, note });
    }
  }
  const verdict = lacking.length > 0 || partial.length > 0 ? { lacking, partial } : null;
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(memoKey, verdict);
  return verdict;
}

const resolved = new Map<string, string[]>();

/** The target client ids of the settings (memoised by the list: settings change rarely). */
export function targetClients(names: readonly string[] | undefined): string[] {
  const list = names ?? DEFAULT_CLIENTS;
  const key = list.join(',');
  let ids = resolved.get(key);
  if (!ids) {
    ids = resolveClients(list);
    if (resolved.size > 100) resolved.clear();
    resolved.set(key, ids);
  }
  return ids;
}

/** "Gmail (Webmail, iOS), Outlook (Windows)": the clients grouped by family. */
export function clientList(ids: readonly string[]): string {
  const byFamily = new Map<string, string[]>();
  for (const id of ids) {
    const info = clientInfo(id);
    if (!info) continue;
    const platforms = byFamily.get(info.family) ?? [];
    platforms.push(platformName(info.platform));
    byFamily.set(info.family, platforms);
  }
  return [...byFamily].map(([family, platforms]) => `${familyName(family)} (${platforms.join(', ')})`).join(l10n.t(', '));
}

/**
 * Where the curated results (the Chinese mailboxes) among `clients` come from, and when: a finding
 * that rests on a published observation says its date, so that the author can judge whether it still
 * holds (the hover shows the source and what it observed). Clients with the same source share a sentence.
 */
export function provenance(slug: string, clients: readonly string[]): string[] {
  const bySource = new Map<string, { observed: string; clients: string[] }>();
  for (const client of clients) {
    const cell = supportOf(slug, client);
    if (cell.source === undefined || cell.source === 'unknown') continue;
    const key = cell.source + '\u0000' + (cell.observed ?? '');
    const group = bySource.get(key) ?? { observed: cell.observed ?? l10n.t('an unknown date'), clients: [] };
    group.clients.push(client);
    bySource.set(key, group);
  }
  return [...bySource].map(([key, { observed, clients: group }]) => {
    const host = hostOf(key.slice(0, key.indexOf('\u0000')));
    return host
      ? l10n.t('{0}: this rests on an observation published in {1} ({2}) and may be out of date; the hover shows the source.', clientList(group), observed, host)
      : l10n.t('{0}: this rests on an observation made in {1} and may be out of date; the hover describes it.', clientList(group), observed);
  });
}

/** The host name of a source that is a web address; undefined for a described observation. */
function hostOf(source: string): string | undefined {
  if (!source.startsWith('https://') && !source.startsWith('http://')) return undefined;
  try {
    return new URL(source).hostname;
  } catch {
    return undefined;
  }
}

function message(use: FeatureUse, verdict: Verdict, count: number): string {
  const title = featureInfo(use.slug)?.title ?? use.slug;
  // The data's title when it says more than what was found: `var()` (CSS Variables), not `<video>` (<video> element).
  const what = title.toLowerCase().includes(use.label.toLowerCase()) ? code(use.label, 60) : `${code(use.label, 60)} (${title})`;
  const parts: string[] = [];
  if (verdict.lacking.length > 0) parts.push(l10n.t('{0} is not supported in {1}.', what, clientList(verdict.lacking)));
  for (const { client, note } of verdict.partial) parts.push(l10n.t('{0} is only partly supported in {1}: {2}', what, clientList([client]), note));
  parts.push(...provenance(use.slug, [...verdict.lacking, ...verdict.partial.map((p) => p.client)]));
  if (count > 1) parts.push(l10n.t('Used {0} times in this part (see the related places).', count));
  return parts.join(' ');
}

/**
 * HTML and CSS that the target clients (`sesStudio.clients`) do not support, from the caniemail data
 * and the curated data of the Chinese mailboxes (docs/client-support.md). One finding per feature per
 * part, at its first use, with the other uses as related information; unknown support is never reported.
 */
export const clientSupport: Check = {
  meta: { id: 'client-support', defaultSeverity: 'warning' },
  run({ project, settings, report }) {
    const clients = targetClients(settings.clients);
    if (clients.length === 0) return;
    const key = clients.join(',');
    for (const { document, html } of htmlParts(project)) {
      const bySlug = new Map<string, FeatureUse[]>();
      for (const use of featureUses(document.getText(), html)) {
        const list = bySlug.get(use.slug);
        if (list) list.push(use);
        else bySlug.set(use.slug, [use]);
      }
      const found: Array<{ uses: FeatureUse[]; verdict: Verdict }> = [];
      for (const [slug, uses] of bySlug) {
        const verdict = verdictOf(slug, clients, key);
        if (verdict) found.push({ uses: uses.sort((a, b) => a.start - b.start), verdict });
      }
      found.sort((a, b) => a.uses[0].start - b.uses[0].start);
      for (const { uses, verdict } of found) {
        const [first, ...others] = uses;
        const data: ClientSupportData = { feature: first.slug, clients };
        report(document, {
          start: first.start,
          end: first.end,
          message: message(first, verdict, uses.length),
          related: others.slice(0, MAX_RELATED).map((use) => ({ start: use.start, end: use.end, message: l10n.t('{0} is also used here', code(use.label, 60)) })),
          data,
          docUrl: featureInfo(first.slug)?.url,
        });
      }
    }
  },
};
