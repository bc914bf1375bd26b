// What the preflight check found, as plain data: API answers and local facts. The VS Code glue
// (preflightCheck.ts) collects it; the step modules turn it into a report. Pure (no vscode).
import type { BlocklistStatus } from '#common/cloud/blocklist';
import type {
  ApiResult, CredentialSource, GetEmailIdentityResponse, GetEmailTemplateResponse, ListEmailAddressResponse, ListEmailIdentitiesResponse,
} from '#common/cloud/types';

export interface CredentialFacts {
  /** Where the key came from; undefined: none found. */
  readonly source?: CredentialSource;
  /** validateCredentials' message when the key is malformed. */
  readonly problem?: string;
  /** ListEmailAddress, the cheap read call that proves the key; undefined when not made. */
  readonly probe?: ApiResult<ListEmailAddressResponse>;
}

export interface SenderFacts {
  /** `from` of ses.config.json, as written. */
  readonly configured?: string;
  /** The sender checked: the configured one, or the one picked from ListEmailAddress. */
  readonly chosen?: string;
  readonly identities?: ApiResult<ListEmailIdentitiesResponse>;
  readonly identity?: ApiResult<GetEmailIdentityResponse>;
}

export interface RecipientFacts {
  /** As typed; '' or undefined: none given (the step is optional). */
  readonly typed?: string;
  readonly blocklist?: ApiResult<BlocklistStatus[]>;
}

export interface LocalProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface TemplateFacts {
  readonly name: string;
  /** Key of the template in ses.config.json (e.g. `legacy/win-back`). */
  readonly configKey: string;
  readonly hasConfig: boolean;
  readonly templateId?: number;
  readonly subject?: string;
  /** The data set that would be TemplateData; undefined: the template has none. */
  readonly dataSet?: { readonly set: string; readonly file: string; readonly text?: string };
  /** The local parts' text, by kind (undefined: no such part). */
  readonly localHtml?: string;
  readonly localText?: string;
  /** Errors the language server reports on the parts and the data set. */
  readonly localErrors: readonly LocalProblem[];
  readonly remote?: ApiResult<GetEmailTemplateResponse>;
  /** ListEmailTemplates' ReviewReason, looked up for a rejected template. */
  readonly reviewReason?: string;
}

export interface PreflightFacts {
  /** The endpoint or region called, for messages. */
  readonly target: string;
  readonly credentials: CredentialFacts;
  readonly sender: SenderFacts;
  readonly recipients: RecipientFacts;
  readonly template: TemplateFacts;
}

/** Step 1 succeeded: the API parts of the other steps can run. */
export function apiReady(credentials: CredentialFacts): boolean {
  return credentials.probe?.ok === true;
}
