import { ApiError } from '../apiError';
import { allowOnly, requireLimit, requireUint } from '../params';
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
