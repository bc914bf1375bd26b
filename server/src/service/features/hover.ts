import * as l10n from '@vscode/l10n';
import { MarkupKind, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { faqTopic, type FaqTopic } from '../../knowledge';
import { accessibilityGuide } from '../../knowledge/accessibility';
import { checkMeta, docUrlOf, faqTopicOf } from '../checks';
import type { ClientSupportData } from '../checks/clientSupport';
import { supportTable } from '../clientSupport/table';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { htmlModelOf, type HtmlElement } from '#common/htmlModel';
import { dataSetUri } from '#common/templateFiles';
import type { TemplateProject } from '../project/templateProject';
import { codeSpan, escapeMarkdown, fileName, preview, rangeOf, setsMissing, targetAt, unreadableDataSets, type Target } from './featureTarget';

export interface HoverContext {
  /**
   * The diagnostics of the hovered document (from `LanguageService.validate`): the FAQ topic of those
   * at the position, and the image checks' findings on a hovered `<img>`, are shown. Without them the
   * hover shows variables and the image checklist only.
   */
  readonly diagnostics?: readonly Diagnostic[];
  /** The editor's locale, for the knowledge base (`zh*` is Chinese); English by default. */
  readonly locale?: string;
  /**
   * The diagnostics of the template's other documents, by URI: hovering a data key lists what the
   * checks found where the template reads its value.
   */
  readonly related?: ReadonlyMap<string, readonly Diagnostic[]>;
}

const IMAGE_TOPIC = 'images-not-displayed';

/**
 * Hover on a variable use or a data key (its value in each data set, and where it is used), on an
 * `<img>` of an HTML part (the image checklist and what the image checks found for it), and on a
 * diagnostic of a check with a FAQ topic (the topic, localised).
 */
export function hover(project: TemplateProject, uri: string, position: Position, context: HoverContext = {}): Hover | null {
  const blocks: string[] = [];
  let range: Range | undefined;
  const target = targetAt(project, uri, position);
  if (target) {
    range = target.kind === 'use'
      ? rangeOf(target.at.document, target.use.start, target.use.end)
      : rangeOf(target.at.document, target.entry.keyStart, target.entry.keyEnd);
    blocks.push(variableMarkdown(project, target.name));
  }
  const diagnostics = (context.diagnostics ?? []).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (target) {
    const concerns = valueFindings(project, target, diagnostics, context.related);
    if (concerns.length > 0) blocks.push(`**${l10n.t('What the checks found about its value:')}**\n\n${concerns.map(findingLine).join('\n')}`);
  }
  const topics = new Set<string>();
  const part = project.parts.find((p) => p.uri === uri);
  if (part?.kind === 'html' && part.parsed.status !== 'binary' && part.parsed.status !== 'too-large') {
    const offset = part.document.offsetAt(position);
    const img = htmlModelOf(part).named('img').find((element) => element.start <= offset && offset < element.end);
    if (img) {
      range ??= rangeOf(part.document, img.start, img.end);
      const inside = diagnostics.filter((d) => typeof d.code === 'string' && isImageCheck(d.code) && within(part.document.offsetAt(d.range.start), img));
      blocks.push(imageMarkdown(inside, context.locale));
      topics.add(IMAGE_TOPIC);
    }
  }
  for (const diagnostic of diagnostics) {
    if (!contains(diagnostic.range, position) || typeof diagnostic.code !== 'string') continue;
    if (diagnostic.code === 'client-support') {
      const data = diagnostic.data as Partial<ClientSupportData> | undefined;
      const key = `client-support:${String(data?.feature)}`;
      const table = typeof data?.feature === 'string' && Array.isArray(data.clients) && !topics.has(key) ? supportTable(data.feature, data.clients.filter((c) => typeof c === 'string')) : undefined;
      if (table) {
        topics.add(key);
        range ??= diagnostic.range;
        blocks.push(table);
      }
      continue;
    }
    const meta = checkMeta(diagnostic.code);
    const guide = accessibilityGuide(diagnostic.code, context.locale ?? 'en');
    if (guide && !topics.has(diagnostic.code)) {
      topics.add(diagnostic.code);
      range ??= diagnostic.range;
      blocks.push(`**${guide.title}** (WCAG ${guide.criterion})\n\n${guide.body}\n\n[${l10n.t('WCAG: Understanding {0}', guide.criterion)}](${guide.url})`);
      continue;
    }
    const id = meta && faqTopicOf(meta);
    if (!id || topics.has(id)) continue;
    const topic = faqTopic(id, context.locale ?? 'en');
    if (!topic) continue;
    topics.add(id);
    range ??= diagnostic.range;
    const page = docUrlOf(meta);
    blocks.push(topicMarkdown(topic) + (page && page !== topic.docUrl ? `\n\n[${l10n.t('Tencent Cloud documentation for {0}', diagnostic.code)}](${page})` : ''));
  }
  if (blocks.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: blocks.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

/**
 * Findings about the value a variable takes, for its hover: on a use, the diagnostics that cover its
 * tag (an image or link URL built from it, a value with HTML…); on a data key, those covering any use
 * of the key in the template's parts and subject. Variable bookkeeping that the hover already states
 * (which data sets lack the key) is left out.
 */
function valueFindings(project: TemplateProject, target: Target, own: readonly Diagnostic[], related?: ReadonlyMap<string, readonly Diagnostic[]>): Diagnostic[] {
  const places = target.kind === 'use'
    ? [{ document: target.at.document, diagnostics: own, uses: [target.use] }]
    : [...project.parts.map((p) => ({ document: p.document, uri: p.uri, uses: p.variables.uses })), ...(project.subject ? [{ document: project.subject.document, uri: project.subject.uri, uses: project.subject.variables.uses }] : [])]
      .map(({ document, uri, uses }) => ({ document, diagnostics: (related?.get(uri) ?? []).filter((d) => d.source === DIAGNOSTIC_SOURCE), uses: uses.filter((u) => u.name === target.name) }));
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { document, diagnostics, uses } of places) {
    for (const diagnostic of diagnostics) {
      if (typeof diagnostic.code !== 'string' || STATED_BY_HOVER.has(diagnostic.code)) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      if (!uses.some((use) => start < use.tagEnd && use.tagStart < end)) continue;
      const key = `${diagnostic.code}\u0000${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(diagnostic);
    }
  }
  return found;
}

/** Checks whose finding the variable hover states itself. */
const STATED_BY_HOVER = new Set(['missing-variable', 'no-data-set']);

const findingLine = (d: Diagnostic) => `- ${typeof d.message === 'string' ? d.message : d.message.value} (${codeSpan(String(d.code))})`;

const isImageCheck = (code: string) => code.startsWith('image-') || code === 'too-many-images';
const within = (offset: number, element: HtmlElement) => element.start <= offset && offset < element.end;

function contains(range: Range, position: Position): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(range.start, position) && before(position, range.end);
}

/** A FAQ topic in a hover: its title, its body and the link to Tencent's FAQ page. */
function topicMarkdown(topic: FaqTopic): string {
  return `**${l10n.t('FAQ: {0}', topic.title)}**\n\n${topic.body}\n\n[${l10n.t('Tencent Cloud SES FAQ')}](${topic.docUrl})`;
}

/**
 * The image checklist, then what the image checks found for this `<img>`. Messages are shown as
 * written: the checks write them with Markdown code spans.
 */
function imageMarkdown(found: readonly Diagnostic[], locale = 'en'): string {
  const topic = faqTopic(IMAGE_TOPIC, locale)!;
  const findings = found.length > 0
    ? `**${l10n.t('What the checks found for this image:')}**\n\n${found.map(findingLine).join('\n')}`
    : l10n.t('No image check found a problem with this image.');
  return `${topicMarkdown(topic)}\n\n${findings}`;
}

/**
 * The Markdown describing one variable of the template (also the documentation of completions,
 * which pass `places` from one `usePlaces` call for all their items).
 */
export function variableMarkdown(project: TemplateProject, name: string, places: UsePlaces = usePlaces(project, name)): string {
  const blocks = [l10n.t('Template variable {0}', codeSpan(`{{${name}}}`))];
  if (project.dataSets.length === 0) {
    blocks.push(l10n.t('This template has no data set: create {0} beside it.', codeSpan(fileName(dataSetUri(project, 'default')))));
  } else {
    const values = project.dataSets.flatMap((d) => {
      const entry = d.data.entries.get(name);
      return entry ? [`- **${escapeMarkdown(d.set)}**: ${entry.kind === 'string' ? escapeMarkdown(preview(entry, 200)) || codeSpan('""') : codeSpan(preview(entry, 200))}`] : [];
    });
    if (values.length > 0) blocks.push(values.join('\n'));
    const missing = setsMissing(project, name);
    if (missing.length > 0) blocks.push(l10n.t('Missing in: {0}', missing.map((d) => escapeMarkdown(d.set)).join(', ')));
    const unreadable = unreadableDataSets(project).filter((d) => !d.data.entries.has(name));
    if (unreadable.length > 0) blocks.push(l10n.t('Not readable until its JSON is fixed: {0}', unreadable.map((d) => escapeMarkdown(d.set)).join(', ')));
  }
  const where = places.get(name) ?? [];
  blocks.push(where.length > 0
    ? l10n.t('Used in: {0}', where.map(([place, n]) => escapeMarkdown(n > 1 ? `${place} (${n})` : place)).join(', '))
    : l10n.t('Not used in any part or the subject.'));
  return blocks.join('\n\n');
}

/** For each variable: the parts (by file name) and the subject that read it, with how often. */
export type UsePlaces = ReadonlyMap<string, ReadonlyArray<readonly [place: string, count: number]>>;

/** Where the template reads `only` (or every variable): one pass over all uses. */
export function usePlaces(project: TemplateProject, only?: string): UsePlaces {
  const places = new Map<string, Array<[string, number]>>();
  const count = (place: string, uses: readonly { name: string }[]) => {
    for (const { name } of uses) {
      if (only !== undefined && name !== only) continue;
      let list = places.get(name);
      if (!list) places.set(name, (list = []));
      const last = list[list.length - 1];
      if (last?.[0] === place) last[1]++;
      else list.push([place, 1]);
    }
  };
  for (const part of project.parts) count(fileName(part.uri), part.variables.uses);
  if (project.subject) count(l10n.t('subject'), project.subject.variables.uses);
  return places;
}
