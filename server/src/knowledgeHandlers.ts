import type { Connection } from 'vscode-languageserver';
import { explainErrorCode, faqTopic, faqTopics, searchErrorCodes } from './knowledge';
import { ErrorCodesRequest, ExplainErrorCodeRequest, FaqTopicRequest, FaqTopicsRequest, type LocaleParams } from './protocol';
import { runSafe, type Logger } from './runSafe';

export interface KnowledgeDeps {
  /** The editor's locale from `initialize.params.locale`, used when a request names none. */
  locale(): string;
  readonly log: Logger;
}

/** The knowledge-base requests of protocol.ts: error codes and FAQ topics, localised. */
export function registerKnowledgeHandlers(connection: Connection, { locale, log }: KnowledgeDeps): void {
  const localeOf = (params: LocaleParams | undefined) => params?.locale || locale();
  connection.onRequest(ErrorCodesRequest, runSafe(log, 'ses/errorCodes', [], (params) => searchErrorCodes(String(params?.query ?? ''), localeOf(params))));
  connection.onRequest(ExplainErrorCodeRequest, runSafe(log, 'ses/explainErrorCode', null, (params) => explainErrorCode(String(params?.code ?? ''), localeOf(params))));
  connection.onRequest(FaqTopicsRequest, runSafe(log, 'ses/faqTopics', [], (params) => faqTopics(localeOf(params))));
  connection.onRequest(FaqTopicRequest, runSafe(log, 'ses/faqTopic', null, (params) => faqTopic(String(params?.id ?? ''), localeOf(params))));
}
