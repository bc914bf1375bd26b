import type { Connection } from 'vscode-languageserver';
import { explainErrorCode, faqTopic, faqTopics, searchErrorCodes } from './knowledge';
import { ErrorCodesRequest, ExplainErrorCodeRequest, FaqTopicRequest, FaqTopicsRequest, type LocaleParams } from '#common/protocol';
import { runSafe, type Logger } from './runSafe';

export interface KnowledgeDeps {
  /** The editor's locale from `initialize.params.locale`, used when a request names none. */
  locale(): string;
  readonly log: Logger;
}

/** The knowledge-base requests of protocol.ts: error codes and FAQ topics, localised. */
export function registerKnowledgeHandlers(connection: Connection, { locale, log }: KnowledgeDeps): void {
  // Params come from the other process as any JSON: a locale that is no string means the editor's.
  const localeOf = (params: LocaleParams | undefined) => (typeof params?.locale === 'string' && params.locale) || locale();
  // Likewise a query, code or id that is no string (or status-code number) is an empty one: String()
  // of `{"toString":1}` throws.
  const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
  connection.onRequest(ErrorCodesRequest, runSafe(log, 'ses/errorCodes', [], (params) => searchErrorCodes(text(params?.query), localeOf(params))));
  connection.onRequest(ExplainErrorCodeRequest, runSafe(log, 'ses/explainErrorCode', null, (params) => explainErrorCode(text(params?.code), localeOf(params))));
  connection.onRequest(FaqTopicsRequest, runSafe(log, 'ses/faqTopics', [], (params) => faqTopics(localeOf(params))));
  connection.onRequest(FaqTopicRequest, runSafe(log, 'ses/faqTopic', null, (params) => faqTopic(text(params?.id), localeOf(params))));
}
