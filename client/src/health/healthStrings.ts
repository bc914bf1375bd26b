import * as vscode from 'vscode';
import type { HealthStrings } from './messages';

/** The Sending-health webview's labels in the editor's language (the webview script has no l10n of its own). */
export function healthStrings(): HealthStrings {
  return {
    title: vscode.l10n.t('Sending health'),
    from: vscode.l10n.t('Start date'),
    to: vscode.l10n.t('End date'),
    domain: vscode.l10n.t('Sender domain'),
    allDomains: vscode.l10n.t('All sender domains'),
    mailboxType: vscode.l10n.t('Receiving mailbox type'),
    allMailboxTypes: vscode.l10n.t('All mailbox types'),
    otherMailboxType: vscode.l10n.t('e.g. gmail.com'),
    show: vscode.l10n.t('Show'),
    charts: vscode.l10n.t('Charts'),
    table: vscode.l10n.t('Table'),
    exportCsv: vscode.l10n.t('Export CSV'),
    loading: vscode.l10n.t('Asking Tencent Cloud for the statistics…'),
    volumesTitle: vscode.l10n.t('Daily volumes'),
    ratesTitle: vscode.l10n.t('Rates (%)'),
    totals: vscode.l10n.t('Totals'),
    date: vscode.l10n.t('Date'),
    requests: vscode.l10n.t('Requests'),
    accepted: vscode.l10n.t('Accepted'),
    delivered: vscode.l10n.t('Deliveries'),
    bounced: vscode.l10n.t('Bounces'),
    opened: vscode.l10n.t('Opens'),
    clicked: vscode.l10n.t('Clicks'),
    unsubscribed: vscode.l10n.t('Unsubscribes'),
    deliveryRate: vscode.l10n.t('Delivery rate'),
    bounceRate: vscode.l10n.t('Bounce rate'),
    unsubscribeRate: vscode.l10n.t('Unsubscribe rate'),
    openRate: vscode.l10n.t('Open rate'),
    clickRate: vscode.l10n.t('Click rate'),
    bounceLimit: vscode.l10n.t('5 % bounce limit'),
    bounceLimitNote: vscode.l10n.t('Tencent Cloud recommends keeping the bounce rate at or below 5 %. Rates are of accepted emails (delivery, bounce) or of delivered emails (open, click, unsubscribe); the statistics have no complaint count.'),
    highBounceDays: vscode.l10n.t('Days with a bounce rate above 5 %:'),
    noTraffic: vscode.l10n.t('No emails were sent in this range.'),
    badRange: vscode.l10n.t('Choose two real dates, the first not after the second, at most a year apart.'),
    total: vscode.l10n.t('Total'),
  };
}
