import * as vscode from 'vscode';
import type { ApiDeps } from '../api/sesClientFactory';
import { pullTemplate } from './pullTemplate';
import { pushTemplate } from './pushTemplate';
import { registerRemoteDocuments } from './remoteDocuments';
import { showTemplateStatus } from './showTemplateStatus';
import { TemplateStatusTracker } from './templateStatusBar';

/**
 * Templates in Tencent Cloud: push, pull, review status. `activateTemplates` registers the remote
 * documents of the diffs and the status bar item once; the commands (client/src/commands/index.ts)
 * find them here.
 */
let tracker: TemplateStatusTracker | undefined;

export function activateTemplates(deps: ApiDeps): vscode.Disposable {
  tracker = new TemplateStatusTracker(deps);
  const created = tracker;
  return vscode.Disposable.from(registerRemoteDocuments(), created, { dispose: () => { if (tracker === created) tracker = undefined; } });
}

export const templateCommands = {
  push: (deps: ApiDeps) => pushTemplate(deps, tracker),
  pull: (deps: ApiDeps, templateId?: unknown) => pullTemplate(deps, tracker, templateId),
  status: (deps: ApiDeps) => showTemplateStatus(deps, tracker),
};
