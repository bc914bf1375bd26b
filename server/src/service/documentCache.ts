import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Keeps one parse per document version, so validation, and later hover and completion, share it.
 * Entries go when the document closes.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly compute: (document: TextDocument) => T) {}

  get(document: TextDocument): T {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.value;
    const value = this.compute(document);
    this.entries.set(document.uri, { version: document.version, value });
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
