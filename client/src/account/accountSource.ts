import * as vscode from 'vscode';
import type { ApiFailure } from '#common/cloud/types';
import { describeFailure } from '../api/apiFailures';
import { configRegion } from '../api/templateContext';
import { type ApiDeps, type ClientSetup, createSesClient } from '../api/sesClientFactory';

/**
 * Why a tree of the SES view shows no data: the views ask the API only in a trusted workspace and
 * with a key, and say so instead of failing one call after another.
 */
export type Unavailable = { readonly kind: 'restricted' } | { readonly kind: 'noCredentials' };

/** The client of the SES view's calls (region from settings or the workspace's ses.config.json), or why there is none. */
export async function accountClient(deps: ApiDeps): Promise<ClientSetup | Unavailable> {
  if (!vscode.workspace.isTrusted) return { kind: 'restricted' };
  if (!(await deps.credentials.resolve())) return { kind: 'noCredentials' };
  return createSesClient(deps, await configRegion());
}

export function isUnavailable(value: ClientSetup | Unavailable): value is Unavailable {
  return 'kind' in value;
}

const MAX_LINE = 160;

/** A failure in one line for a tree row (the client already masked code, message and RequestId). */
export function failureLine(failure: ApiFailure, endpoint: string): string {
  const text = describeFailure(failure, endpoint).replace(/\s+/g, ' ').trim();
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text;
}
