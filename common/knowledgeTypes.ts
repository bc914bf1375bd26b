// What the knowledge base answers over the protocol (common/protocol.ts): types only, shared by the
// server that builds the answers (server/src/knowledge) and the client that shows them.

/** Stable topic ids: checks and error codes link to them, and they are the anchors of the help. */
export type FaqTopicId =
  | 'delivery-time'
  | 'delivery-delay'
  | 'images-not-displayed'
  | 'exmail-advertising'
  | 'send-failures'
  | 'warm-up'
  | 'unsubscription'
  | 'blocklist';

/** What a code is: an API error code, or a SendStatus / DeliverStatus of GetSendEmailStatus. */
export type CodeKind = 'api' | 'sendStatus' | 'deliverStatus';

export interface FaqTopicSummary {
  readonly id: FaqTopicId;
  readonly title: string;
}

export interface FaqTopic extends FaqTopicSummary {
  /** The body alone, Markdown. */
  readonly body: string;
  readonly links: ReadonlyArray<{ readonly title: string; readonly url: string }>;
  /** Title, body and console links as one Markdown document. */
  readonly markdown: string;
  /** The Tencent documentation page the topic is written from. */
  readonly docUrl: string;
}

export interface ErrorCodeSummary {
  readonly code: string;
  readonly kind: CodeKind;
  /** Tencent's description, in the requested language. */
  readonly description: string;
}

export interface ErrorCodeHelp extends ErrorCodeSummary {
  readonly nextStep: string;
  readonly topic: FaqTopicSummary;
  /** The item of the `send-failures` checklist the code concerns. */
  readonly step?: number;
  /** Set when the code itself is unknown and this is the help of its documented parent code. */
  readonly requested?: string;
  /** The whole help as one Markdown document, FAQ topic included. */
  readonly markdown: string;
}
