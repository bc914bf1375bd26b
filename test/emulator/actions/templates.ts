import { ApiError } from '../apiError';
import { allowOnly, requireLimit, requireObject, requireString, requireUint, type Params } from '../params';
import type { EmulatorState } from '../types';
import type { ActionHandler } from './context';

const base64 = (text: string | undefined) => (text === undefined ? undefined : Buffer.from(text, 'utf8').toString('base64'));

/** ListEmailTemplates: newest first, as the console lists them. */
export const listEmailTemplates: ActionHandler = (params, { state }) => {
  allowOnly(params, ['Limit', 'Offset']);
  const limit = requireLimit(params);
  const offset = requireUint(params, 'Offset');
  const sorted = [...state.templates].sort((a, b) => b.CreatedTimestamp - a.CreatedTimestamp || b.TemplateID - a.TemplateID);
  return {
    TemplatesMetadata: sorted.slice(offset, offset + limit).map((template) => ({
      TemplateID: template.TemplateID,
      TemplateName: template.TemplateName,
      TemplateStatus: template.TemplateStatus,
      CreatedTimestamp: template.CreatedTimestamp,
      ReviewReason: template.ReviewReason,
    })),
    TotalCount: sorted.length,
  };
};

/** GetEmailTemplate: content comes back base64-encoded (UTF-8). */
export const getEmailTemplate: ActionHandler = (params, { state }) => {
  allowOnly(params, ['TemplateID']);
  const id = requireUint(params, 'TemplateID');
  const template = state.templates.find((candidate) => candidate.TemplateID === id);
  if (!template) throw new ApiError('InvalidParameterValue.TemplateNotExist');
  const content: Record<string, string> = {};
  if (template.Html !== undefined) content.Html = base64(template.Html) as string;
  if (template.Text !== undefined) content.Text = base64(template.Text) as string;
  return { TemplateContent: content, TemplateStatus: template.TemplateStatus, TemplateName: template.TemplateName };
};

// ---- Create, update, delete; review ----

/**
 * Tencent publishes no numbers for these (reference §6 ⚠️); the emulator's choices, documented in
 * test/emulator/README.md: at most 100 templates per account, 4 MB of decoded content (the email
 * limit), names of 1–128 characters without control characters.
 */
export const MAX_TEMPLATES = 100;
export const MAX_TEMPLATE_CONTENT_BYTES = 4 * 1024 * 1024;
export const MAX_TEMPLATE_NAME_LENGTH = 128;

/** Strict base64 of UTF-8: Tencent answers TemplateContentIsWrong for anything else. */
function decodeStrict(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new ApiError('InvalidParameter', `The parameter \`TemplateContent.${field}\` must be a string.`);
  const wrong = () => new ApiError('InvalidParameterValue.TemplateContentIsWrong', `Incorrect template content. Make sure the Base64 content is correct (TemplateContent.${field}).`);
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw wrong();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(value, 'base64'));
  } catch {
    throw wrong();
  }
}

/** The plain parts of a TemplateContent; at least one non-empty part (TemplateContentIsNULL). */
function readContent(params: Params): { Html?: string; Text?: string } {
  const content = requireObject(params, 'TemplateContent');
  allowOnly(content, ['Html', 'Text']);
  const present = (field: 'Html' | 'Text') => content[field] !== undefined && content[field] !== null && content[field] !== '';
  if (!present('Html') && !present('Text')) throw new ApiError('InvalidParameterValue.TemplateContentIsNULL', 'The template resource is empty.');
  const parts = {
    ...(present('Html') ? { Html: decodeStrict('Html', content.Html) } : {}),
    ...(present('Text') ? { Text: decodeStrict('Text', content.Text) } : {}),
  };
  const bytes = Buffer.byteLength(parts.Html ?? '', 'utf8') + Buffer.byteLength(parts.Text ?? '', 'utf8');
  if (bytes > MAX_TEMPLATE_CONTENT_BYTES) throw new ApiError('FailedOperation.TemplateContentToolarge', 'The template size is too large. Reduce the size.');
  return parts;
}

/** TemplateName: the code for an empty name differs by action (CreateEmailTemplate does not list TemplateNameIsNULL). */
function readName(params: Params, emptyCode: string): string {
  const name = requireString(params, 'TemplateName');
  if (name.trim() === '') throw new ApiError(emptyCode, emptyCode.endsWith('IsNULL') ? 'The template name cannot be empty.' : 'Invalid template name: it is empty.');
  // eslint-disable-next-line no-control-regex
  if ([...name].length > MAX_TEMPLATE_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new ApiError('InvalidParameterValue.TemplateNameIllegal', 'Invalid template name. Make sure the characters and length of the template name are valid.');
  }
  return name;
}

/** CreateEmailTemplate: a new template, pending review (TemplateStatus 1) until `reviewTemplate` decides. */
export const createEmailTemplate: ActionHandler = (params, { state, nowSeconds }) => {
  allowOnly(params, ['TemplateName', 'TemplateContent']);
  const name = readName(params, 'InvalidParameterValue.TemplateNameIllegal');
  const content = readContent(params);
  if (state.templates.length >= MAX_TEMPLATES) throw new ApiError('FailedOperation.ExceedTemplateLimit', 'The number of templates exceeds the upper limit.');
  const id = Math.max(0, ...state.templates.map((t) => t.TemplateID)) + 1;
  state.templates.push({ TemplateID: id, TemplateName: name, TemplateStatus: 1, ...content, ReviewReason: '', CreatedTimestamp: nowSeconds, SubmittedTimestamp: nowSeconds });
  return { TemplateID: id };
};

/** UpdateEmailTemplate: replaces name and content (a part left out is dropped) and sends the template back to review. */
export const updateEmailTemplate: ActionHandler = (params, { state, nowSeconds }) => {
  allowOnly(params, ['TemplateID', 'TemplateName', 'TemplateContent']);
  const id = requireUint(params, 'TemplateID');
  const name = readName(params, 'InvalidParameterValue.TemplateNameIsNULL');
  const content = readContent(params);
  const template = state.templates.find((candidate) => candidate.TemplateID === id);
  if (!template) throw new ApiError('InvalidParameterValue.TemplateNotExist');
  template.TemplateName = name;
  template.Html = content.Html;
  template.Text = content.Text;
  template.TemplateStatus = 1;
  template.ReviewReason = '';
  template.SubmittedTimestamp = nowSeconds;
  return {};
};

/** DeleteEmailTemplate: an unknown TemplateID is TemplateNotExist (the docs list only generic codes here). */
export const deleteEmailTemplate: ActionHandler = (params, { state }) => {
  allowOnly(params, ['TemplateID']);
  const id = requireUint(params, 'TemplateID');
  const index = state.templates.findIndex((candidate) => candidate.TemplateID === id);
  if (index < 0) throw new ApiError('InvalidParameterValue.TemplateNotExist');
  state.templates.splice(index, 1);
  return {};
};

/**
 * Test and demo hook, not an API action: Tencent's reviewers decide (0 approved, 2 rejected with a
 * reason). Returns false when there is no such template.
 */
export function reviewTemplate(state: EmulatorState, templateId: number, status: 0 | 1 | 2, reason?: string): boolean {
  const template = state.templates.find((candidate) => candidate.TemplateID === templateId);
  if (!template) return false;
  template.TemplateStatus = status;
  template.ReviewReason = reason ?? (status === 0 ? '通过' : '');
  return true;
}

/** With `autoApproveAfterSeconds` (the demo), approves the templates submitted at least that long ago. */
export function settleReviews(state: EmulatorState, nowSeconds: number): void {
  const delay = state.autoApproveAfterSeconds;
  if (delay === undefined) return;
  for (const template of state.templates) {
    if (template.TemplateStatus === 1 && template.SubmittedTimestamp !== undefined && nowSeconds - template.SubmittedTimestamp >= delay) {
      reviewTemplate(state, template.TemplateID, 0);
    }
  }
}
