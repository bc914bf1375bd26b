import * as vscode from 'vscode';
import { FaqTopicRequest, FaqTopicsRequest, type FaqTopic } from '#common/protocol';
import type { CommandContext } from './index';
import { reportHelpFailure, showHelp } from './helpView';

/**
 * "SES: Open FAQ": pick a topic of the Tencent Cloud SES FAQ and read it. Called with a topic id
 * (e.g. `blocklist`) as argument, it opens that topic directly. Returns the topic shown, or undefined.
 */
export async function openFaq({ server, output }: CommandContext, topicId?: unknown): Promise<FaqTopic | undefined> {
  const locale = vscode.env.language;
  try {
    let id = typeof topicId === 'string' && topicId !== '' ? topicId : undefined;
    if (id === undefined) {
      const topics = await server.request(FaqTopicsRequest, { locale });
      const picked = await vscode.window.showQuickPick(
        topics.map((topic) => ({ label: topic.title, description: topic.id, id: topic.id })),
        { title: vscode.l10n.t('Tencent Cloud SES FAQ'), placeHolder: vscode.l10n.t('Choose a topic'), matchOnDescription: true },
      );
      id = picked?.id;
    }
    if (id === undefined) return undefined;
    const topic = await server.request(FaqTopicRequest, { id, locale });
    if (!topic) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no FAQ topic "{0}".', id));
      return undefined;
    }
    await showHelp(`faq-${topic.id}`, topic.markdown);
    return topic;
  } catch (error) {
    reportHelpFailure(output, error);
    return undefined;
  }
}
