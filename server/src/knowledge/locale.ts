/** A text in English and Simplified Chinese. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export type KnowledgeLocale = keyof Bilingual;

/** The knowledge base's language for an editor locale: Chinese for any `zh*`, English otherwise. */
export function knowledgeLocale(locale: string | undefined): KnowledgeLocale {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
