// Custom requests between the extension and the language server, declared once for both sides.
// Only types and RequestType objects: nothing here may pull server code into the client bundle.
import { RequestType } from 'vscode-languageserver-protocol';
import type { ErrorCodeHelp, ErrorCodeSummary, FaqTopic, FaqTopicSummary } from './knowledgeTypes';

export type { ErrorCodeHelp, ErrorCodeSummary, FaqTopic, FaqTopicSummary } from './knowledgeTypes';

/** Every request may name the UI language; the server's locale (`initialize.params.locale`) otherwise. */
export interface LocaleParams {
  readonly locale?: string;
}

/** Error and delivery status codes whose code or text (English or Chinese) matches `query`; all for "". */
export const ErrorCodesRequest = new RequestType<LocaleParams & { readonly query: string }, ErrorCodeSummary[], void>('ses/errorCodes');

/** The help for a code, or for the code found in an error message; null for an unknown code. */
export const ExplainErrorCodeRequest = new RequestType<LocaleParams & { readonly code: string }, ErrorCodeHelp | null, void>('ses/explainErrorCode');

/** The FAQ topics, in order. */
export const FaqTopicsRequest = new RequestType<LocaleParams, FaqTopicSummary[], void>('ses/faqTopics');

/** One FAQ topic by id (e.g. `blocklist`), or null. */
export const FaqTopicRequest = new RequestType<LocaleParams & { readonly id: string }, FaqTopic | null, void>('ses/faqTopic');
