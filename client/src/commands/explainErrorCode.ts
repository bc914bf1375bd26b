import * as vscode from 'vscode';
import { ErrorCodesRequest, ExplainErrorCodeRequest, type ErrorCodeHelp, type ErrorCodeSummary } from '#common/protocol';
import type { CommandContext } from './index';
import { reportHelpFailure, showHelp } from './helpView';

interface CodeItem extends vscode.QuickPickItem {
  /** The code to explain: a listed code, or the text typed into the box (a pasted error message). */
  readonly query?: string;
}

/**
 * "SES: Explain Error Code": pick an error or delivery status code (search over code and text in the
 * UI language, or paste a whole error message), then read its help. Called with a code or message
 * as argument, it shows that help directly. Returns the help shown, or undefined.
 */
export async function explainErrorCode({ server, output }: CommandContext, code?: unknown): Promise<ErrorCodeHelp | undefined> {
  const locale = vscode.env.language;
  try {
    const query = typeof code === 'string' && code.trim() !== '' ? code : await pickCode(await server.request(ErrorCodesRequest, { query: '', locale }));
    if (query === undefined) return undefined;
    const help = await server.request(ExplainErrorCodeRequest, { code: query, locale });
    if (!help) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No Tencent Cloud SES error code was found in "{0}".', query));
      return undefined;
    }
    await showHelp(help.requested ?? help.code, help.markdown);
    return help;
  } catch (error) {
    reportHelpFailure(output, error);
    return undefined;
  }
}

function codeItems(codes: readonly ErrorCodeSummary[]): CodeItem[] {
  const headings: Record<ErrorCodeSummary['kind'], string> = {
    api: vscode.l10n.t('API error codes'),
    sendStatus: vscode.l10n.t('GetSendEmailStatus: SendStatus (Tencent Cloud processing)'),
    deliverStatus: vscode.l10n.t('GetSendEmailStatus: DeliverStatus (recipient side)'),
  };
  const items: CodeItem[] = [];
  let kind: ErrorCodeSummary['kind'] | undefined;
  for (const entry of codes) {
    if (entry.kind !== kind) {
      kind = entry.kind;
      items.push({ label: headings[kind], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: entry.code, description: entry.description, query: entry.code });
  }
  return items;
}

function pickCode(codes: readonly ErrorCodeSummary[]): Promise<string | undefined> {
  const listed = codeItems(codes);
  const pick = vscode.window.createQuickPick<CodeItem>();
  pick.title = vscode.l10n.t('Explain a Tencent Cloud SES error code');
  pick.placeholder = vscode.l10n.t('Type a code or words of its description, or paste an error message');
  pick.matchOnDescription = true;
  pick.items = listed;
  // Whatever is typed can be explained as is: a pasted SDK error message contains its code.
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items = typed === '' ? listed : [...listed, { label: vscode.l10n.t('Explain "{0}"', typed), alwaysShow: true, query: typed }];
  });
  return new Promise((resolve) => {
    let result: string | undefined;
    pick.onDidAccept(() => {
      result = pick.selectedItems[0]?.query;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
