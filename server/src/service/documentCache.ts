import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Keeps one parse per document version, so validation, hover and completion share it. Bounded to the
 * most recently used `maxEntries` documents: a parse is several times the size of its text, and a
 * workspace with thousands of open templates must not keep them all (an evicted one is re-parsed
 * on its next use, in well under a millisecond for a typical template).
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly compute: (document: TextDocument) => T, private readonly maxEntries = Infinity) {}

  get(document: TextDocument): T {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      // Map order is insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached.value;
    }
    const value = this.compute(document);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
