import * as vscode from 'vscode';
import { ExplainErrorCodeRequest } from '#common/protocol';
import { endpointForDisplay } from '#common/cloud/endpoints';
import { redact } from '#common/cloud/redact';
import { SesClient } from '#common/cloud/sesClient';
import type { SesRegion } from '#common/cloud/types';
import type { TemplateServer } from '../templateServer';
import { secretsOf, type CredentialStore } from './credentialStore';
import { resolveRegion } from '#common/cloud/sesConfigFile';

export interface ApiDeps {
  readonly server: TemplateServer;
  readonly output: vscode.LogOutputChannel;
  readonly credentials: CredentialStore;
}

/** X-TC-Language: Tencent knows only these two; error messages then come in the editor's language. */
export function apiLanguage(uiLanguage: string): 'zh-CN' | 'en-US' {
  return /^zh/i.test(uiLanguage) ? 'zh-CN' : 'en-US';
}

export const DEFAULT_TIMEOUT_SECONDS = 20;

export interface ClientSetup {
  readonly client: SesClient;
  readonly region: SesRegion;
  /** The endpoint override, or '' for Tencent Cloud. */
  readonly endpoint: string;
}

/**
 * A client configured from the settings: `sesStudio.api.region` (or the config's region),
 * `sesStudio.api.endpoint`, `sesStudio.api.timeoutSeconds`, VS Code's `http.proxy` and
 * `http.proxyStrictSSL`. Every call is logged to the output channel with the credentials masked;
 * API errors are explained by the language server's knowledge base.
 */
export function createSesClient({ server, output, credentials }: ApiDeps, configRegion?: SesRegion, scope?: vscode.Uri): ClientSetup {
  const api = vscode.workspace.getConfiguration('sesStudio.api', scope);
  const inspected = api.inspect<string>('region');
  const explicitRegion = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  const region = resolveRegion(explicitRegion, configRegion);
  const endpoint = (api.get<string>('endpoint') ?? '').trim();
  const timeout = api.get<number>('timeoutSeconds');
  const timeoutSeconds = typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, 600) : DEFAULT_TIMEOUT_SECONDS;
  const http = vscode.workspace.getConfiguration('http');
  const proxy = (http.get<string>('proxy') ?? '').trim();
  let secrets: string[] = [];
  const locale = vscode.env.language;
  const client = new SesClient({
    credentials: async () => {
      const resolved = await credentials.resolve();
      secrets = secretsOf(resolved?.credentials);
      return resolved?.credentials;
    },
    region,
    ...(endpoint ? { endpoint } : {}),
    timeoutMs: timeoutSeconds * 1000,
    ...(proxy ? { proxy } : {}),
    proxyStrictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
    language: apiLanguage(locale),
    // The client masks what it logs; masking again here costs nothing and covers any slip.
    log: (line) => output.info(redact(line, secrets)),
    explain: async (code) => {
      const help = await server.request(ExplainErrorCodeRequest, { code, locale }).catch(() => null);
      return help ? { code: help.code, title: help.description, markdown: help.markdown, nextStep: help.nextStep, faqTopic: help.topic.id } : undefined;
    },
  });
  // Shown in messages and reports: never with a user name or password written into the setting.
  return { client, region, endpoint: endpointForDisplay(endpoint) };
}

/**
 * API commands run only in trusted workspaces: a workspace's settings could point
 * `sesStudio.api.endpoint` at a server that collects signed requests and recipient addresses.
 */
export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('SES: calls to the Tencent Cloud API are disabled in Restricted Mode. Trust this workspace to send test emails or check the blocklist.'));
  return false;
}

/**
 * True when an API key is available; otherwise shows `message` (what the command needs it for) with
 * a "Set Credentials" action, and returns false.
 */
export async function requireCredentials(deps: ApiDeps, message: string): Promise<boolean> {
  if (await deps.credentials.resolve()) return true;
  const set = vscode.l10n.t('Set Credentials');
  const picked = await vscode.window.showWarningMessage(message, set);
  if (picked === set) await vscode.commands.executeCommand('sesStudio.setCredentials');
  return false;
}
