// Plural choice for counted messages, shared by the server, the CLI and the client.

const ENGLISH_PLURALS = new Intl.PluralRules('en');

/**
 * The message for a count: `one` for "1 image", else `other`. The keys are English (l10n's source
 * language), so English's plural rules pick the key; each has its own translation, and languages
 * without plural forms (Chinese) translate both the same way.
 */
export function byCount(n: number, one: () => string, other: () => string): string {
  return ENGLISH_PLURALS.select(n) === 'one' ? one() : other();
}
