import * as vscode from 'vscode';
import { createCredentialStatusBar } from './credentialStatusBar';
import { CredentialStore } from './credentialStore';
import { RecipientMemory } from './recipientMemory';
import { WarmupPlans } from '../health/warmupPlans';

/** What the API commands keep for the session: the credential store and the remembered recipients. */
export interface ApiServices {
  readonly credentials: CredentialStore;
  readonly recipients: RecipientMemory;
  /** The Sending-health view's warm-up plans, per sender domain (globalState). */
  readonly warmupPlans: WarmupPlans;
}

/** Creates the API services and the credential status bar item; disposed with the extension. */
export function createApiServices(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ApiServices {
  const credentials = new CredentialStore(context.secrets, (message) => output.warn(message));
  context.subscriptions.push(credentials, createCredentialStatusBar(credentials, output));
  return { credentials, recipients: new RecipientMemory(context.workspaceState), warmupPlans: new WarmupPlans(context.globalState) };
}
