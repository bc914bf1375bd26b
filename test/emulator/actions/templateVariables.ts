/** `{{name}}` placeholders of a template part or subject, in order of first use. */
export function templateVariables(...parts: (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const part of parts) {
    for (const match of (part ?? '').matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) names.add(match[1]);
  }
  return [...names];
}

export function fillTemplate(text: string, data: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
