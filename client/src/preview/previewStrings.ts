import * as vscode from 'vscode';
import type { PreviewStrings } from './messages';
import type { RenderLabels } from './render';

/** The webview's labels in the editor's language (the webview script has no l10n of its own). */
export function previewStrings(): PreviewStrings {
  return {
    dataSet: vscode.l10n.t('Data set'),
    noDataSet: vscode.l10n.t('(no data set)'),
    viewHtml: vscode.l10n.t('HTML'),
    viewImagesOff: vscode.l10n.t('Images off'),
    viewText: vscode.l10n.t('Plain text'),
    viewDarkPartial: vscode.l10n.t('Dark: partial'),
    viewDarkFull: vscode.l10n.t('Dark: full'),
    viewDarkOwn: vscode.l10n.t('Dark: own styles'),
    darkPartialTooltip: darkNotice('darkPartial'),
    darkFullTooltip: darkNotice('darkFull'),
    darkOwnTooltip: darkNotice('darkOwn'),
    desktop: vscode.l10n.t('Desktop'),
    mobile: vscode.l10n.t('Mobile'),
    both: vscode.l10n.t('Both'),
    lock: vscode.l10n.t('Lock'),
    lockTooltip: vscode.l10n.t('Keep showing this template instead of following the active editor'),
    sendTest: vscode.l10n.t('Send Test Email'),
    preflight: vscode.l10n.t('Preflight'),
    from: vscode.l10n.t('From:'),
    subject: vscode.l10n.t('Subject:'),
    noSubject: vscode.l10n.t('(no subject in ses.config.json)'),
    noSender: vscode.l10n.t('(no sender: set defaults.from in ses.config.json)'),
    missingVariables: vscode.l10n.t('Missing from this data set:'),
    missingTooltip: vscode.l10n.t('The data set has no value for {0}: Tencent Cloud cannot fill it.'),
    frameTitle: vscode.l10n.t('Email preview'),
    views: vscode.l10n.t('View'),
    widths: vscode.l10n.t('Width'),
  };
}

/** Text placed inside the email document by the renderer. */
export function renderLabels(): RenderLabels {
  return {
    noAlt: vscode.l10n.t('⚠ Image without alt text: recipients who block images see nothing here'),
    decorative: vscode.l10n.t('Decorative image (empty alt): nothing is shown while images are blocked'),
    missingTooltip: vscode.l10n.t('The data set has no value for {0}: Tencent Cloud cannot fill it.'),
    // Placeholders kept for the renderer, which fills them: l10n.t would fill them with nothing here.
    tooLarge: vscode.l10n.t('This template has {0} million characters, more than the {1} million that the preview shows. Email templates this large are clipped or refused by mail services.', '{0}', '{1}'),
  };
}

export function imageProblemsLabel(count: number): string {
  return count === 1 ? vscode.l10n.t('1 image problem') : vscode.l10n.t('{0} image problems', count);
}

/**
 * What a dark view shows and the mail clients it stands for (sources in docs/preview.md, "Dark mode":
 * Litmus' dark mode guide, Ometria's client table, Rémi Parmentier on Outlook.com's data-ogsc).
 */
export function darkNotice(view: 'darkPartial' | 'darkFull' | 'darkOwn'): string {
  switch (view) {
    case 'darkPartial':
      return vscode.l10n.t('Dark mode, partial inversion: light backgrounds darkened, dark text lightened, dark areas and images kept, as the Gmail app for Android, the Outlook apps for iOS and Android, Outlook.com and Outlook 2019 for Mac show emails.');
    case 'darkFull':
      return vscode.l10n.t('Dark mode, full inversion: every colour inverted, dark areas turned light, images kept, as the Gmail app for iOS and Outlook 2019 for Windows show emails.');
    case 'darkOwn':
      return vscode.l10n.t('Dark mode, the template\'s own dark styles: its @media (prefers-color-scheme: dark) rules (Apple Mail, iOS Mail, Outlook for Mac) and its [data-ogsc] / [data-ogsb] rules (Outlook.com, Outlook apps), on a dark background.');
  }
}
