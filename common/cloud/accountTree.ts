// The rows of the SES view's trees (Templates, Senders, Blocklist) from the API's answers: sorting,
// grouping and the link to local templates. No `vscode` import and no text: the client words the
// rows in the editor's language, and unit tests check the structure in plain node.
import { statusKind, type StatusKind } from './templateSync';
import type { BlackEmailAddress, DnsAttributes, EmailIdentity, EmailSender, TemplatesMetadata } from './types';

export interface TemplateLink {
  /** The config key (`emails/welcome`) relative to its ses.config.json. */
  readonly key: string;
  /** The ses.config.json (a URI string, opaque here). */
  readonly config: string;
}

export interface TemplateRow {
  readonly id: number;
  readonly name: string;
  readonly status: StatusKind;
  readonly statusCode: number;
  /** ReviewReason, when the service gave one. */
  readonly reason?: string;
  /** Unix seconds; undefined when the service gave none. */
  readonly created?: number;
  /** The local templates linked to this TemplateID (a TemplateID may be linked from two folders). */
  readonly links: readonly TemplateLink[];
}

/** Problems first: a rejected template needs a fix, a pending one is waiting; then by name, then ID. */
const STATUS_ORDER: Record<StatusKind, number> = { rejected: 0, unavailable: 1, pending: 2, approved: 3 };

export function templateRows(templates: readonly TemplatesMetadata[], links: ReadonlyArray<TemplateLink & { templateId: number }>): TemplateRow[] {
  const byId = new Map<number, TemplateLink[]>();
  for (const link of links) {
    const list = byId.get(link.templateId) ?? [];
    list.push({ key: link.key, config: link.config });
    byId.set(link.templateId, list);
  }
  const seen = new Set<number>();
  const rows: TemplateRow[] = [];
  for (const t of templates) {
    // A page boundary that moved while paging repeats an entry: one row per TemplateID.
    if (typeof t?.TemplateID !== 'number' || seen.has(t.TemplateID)) continue;
    seen.add(t.TemplateID);
    const reason = typeof t.ReviewReason === 'string' && t.ReviewReason.trim() !== '' ? t.ReviewReason.trim() : undefined;
    rows.push({
      id: t.TemplateID,
      name: typeof t.TemplateName === 'string' ? t.TemplateName : '',
      status: statusKind(t.TemplateStatus),
      statusCode: typeof t.TemplateStatus === 'number' ? t.TemplateStatus : -1,
      ...(reason !== undefined ? { reason } : {}),
      ...(typeof t.CreatedTimestamp === 'number' && t.CreatedTimestamp > 0 ? { created: t.CreatedTimestamp } : {}),
      links: byId.get(t.TemplateID) ?? [],
    });
  }
  return rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name) || a.id - b.id);
}

/** Counts per status, for the view's description (`2 approved · 1 rejected`). */
export function statusCounts(rows: readonly TemplateRow[]): Record<StatusKind, number> {
  const counts: Record<StatusKind, number> = { approved: 0, pending: 0, rejected: 0, unavailable: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** Linked templates whose TemplateID is not in the account (deleted remotely, or another account/region). */
export function missingLinks<L extends { templateId: number }>(rows: readonly TemplateRow[], links: readonly L[]): L[] {
  const ids = new Set(rows.map((row) => row.id));
  return links.filter((link) => !ids.has(link.templateId));
}

export interface SenderDomain {
  /** Lower case. */
  readonly domain: string;
  /** From ListEmailIdentities; undefined for a domain that only an address names. */
  readonly identity?: EmailIdentity;
  readonly addresses: readonly EmailSender[];
}

/** The domain of an address, lower case; '' when it has none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

/** Sender domains with their addresses: the account's identities in the service's order, then domains only addresses name. */
export function senderDomains(identities: readonly EmailIdentity[], senders: readonly EmailSender[]): SenderDomain[] {
  const groups = new Map<string, { identity?: EmailIdentity; addresses: EmailSender[] }>();
  for (const identity of identities) {
    if (typeof identity?.IdentityName !== 'string') continue;
    const key = identity.IdentityName.trim().toLowerCase();
    if (!groups.has(key)) groups.set(key, { identity, addresses: [] });
  }
  for (const sender of senders) {
    if (typeof sender?.EmailAddress !== 'string') continue;
    const key = domainOf(sender.EmailAddress);
    const group = groups.get(key) ?? { addresses: [] };
    group.addresses.push(sender);
    groups.set(key, group);
  }
  return [...groups].map(([domain, group]) => ({ domain, ...(group.identity ? { identity: group.identity } : {}), addresses: group.addresses }));
}

export interface DnsRow {
  readonly type: string;
  /** The host name the record is set on. */
  readonly host: string;
  readonly expected: string;
  readonly current: string;
  /** The service's check of the record. */
  readonly ok: boolean;
}

export function dnsRows(attributes: readonly DnsAttributes[] | undefined): DnsRow[] {
  return (attributes ?? []).filter((a) => typeof a === 'object' && a !== null).map((a) => ({
    type: typeof a.Type === 'string' ? a.Type : '?',
    host: typeof a.SendDomain === 'string' ? a.SendDomain : '',
    expected: typeof a.ExpectedValue === 'string' ? a.ExpectedValue : '',
    current: typeof a.CurrentValue === 'string' ? a.CurrentValue : '',
    ok: a.Status === true,
  }));
}

/** Blocklist entries newest first (BounceTime is `YYYY-MM-DD hh:mm:ss`, so text order is time order). */
export function blocklistRows(entries: readonly BlackEmailAddress[]): BlackEmailAddress[] {
  return entries.filter((e) => typeof e?.EmailAddress === 'string')
    .sort((a, b) => String(b.BounceTime ?? '').localeCompare(String(a.BounceTime ?? '')) || a.EmailAddress.localeCompare(b.EmailAddress));
}
