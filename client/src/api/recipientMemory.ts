import type * as vscode from 'vscode';

const KEY = 'sesStudio.lastRecipients';

/** The recipients of the last test send, per workspace, offered as the next default. */
export class RecipientMemory {
  constructor(private readonly state: vscode.Memento) {}

  last(): string[] {
    const value = this.state.get<unknown>(KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 50) : [];
  }

  remember(addresses: readonly string[]): Thenable<void> {
    return this.state.update(KEY, addresses.slice(0, 50));
  }
}
