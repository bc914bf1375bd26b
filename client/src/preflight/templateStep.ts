// Step 4 of the FAQ's checklist: "Whether the template is approved and whether the format of
// TemplateData is correct" — against the template Tencent stores, not only the local files. Pure.
import { templateDataOf } from '#common/cloud/sendPlan';
import { failureFinding, skippedFinding } from './apiOutcome';
import { apiReady, type CredentialFacts, type TemplateFacts } from './facts';
import { decodeTemplate, sameContent, variablesOf } from './remoteTemplate';
import { step, type Finding, type L10n, type StepReport } from './report';
import { byCount } from '#common/plural';

/** Tencent's documented TemplateData limit per recipient in batch sends (the template-data-too-large check). */
export const TEMPLATE_DATA_MAX_BYTES = 800;
const MAX_LISTED_ERRORS = 5;

/** Parsed data set keys, or a finding saying why TemplateData would be refused. */
function dataSetFindings(l10n: L10n, facts: TemplateFacts, findings: Finding[]): string[] | undefined {
  const data = facts.dataSet;
  if (!data) {
    findings.push({ outcome: 'fail', text: l10n.t('"{0}" has no data set, so there is no TemplateData to send.', facts.name), fix: l10n.t('Create {0} next to the template.', `${facts.name}.data.json`) });
    return undefined;
  }
  const parsed = data.text === undefined ? { error: 'json' as const } : templateDataOf(data.text);
  if ('error' in parsed) {
    findings.push({
      outcome: 'fail',
      text: parsed.error === 'json' ? l10n.t('{0} is not valid JSON: SendEmail would fail with FailedOperation.WrongContentJson.', data.file) : l10n.t('{0} is not a JSON object of variable names and values.', data.file),
      fix: l10n.t('Fix the file; the Problems view shows where.'),
    });
    return undefined;
  }
  const complex = Object.entries(parsed.data).filter(([, v]) => v !== null && typeof v === 'object').map(([k]) => k);
  if (complex.length > 0) {
    findings.push({ outcome: 'fail', text: l10n.t('TemplateData must be flat: {0} has objects or arrays in {1}.', data.file, complex.join(', ')), fix: l10n.t('Make every value a string.') });
  }
  const bytes = Buffer.byteLength(JSON.stringify(parsed.data), 'utf8');
  findings.push(bytes > TEMPLATE_DATA_MAX_BYTES
    ? { outcome: 'warn', text: l10n.t('TemplateData of data set "{0}" is {1} bytes, over the {2} bytes Tencent documents for batch sends.', data.set, bytes, TEMPLATE_DATA_MAX_BYTES), fix: l10n.t('Shorten the values, or keep this template for single sends.') }
    : { outcome: complex.length > 0 ? 'fail' : 'pass', text: byCount(Object.keys(parsed.data).length, () => l10n.t('TemplateData of data set "{0}" is a JSON object of 1 key, {1} bytes.', data.set, bytes), () => l10n.t('TemplateData of data set "{0}" is a JSON object of {1} keys, {2} bytes.', data.set, Object.keys(parsed.data).length, bytes)) });
  return Object.keys(parsed.data);
}

export function templateStep(l10n: L10n, facts: TemplateFacts, credentials: CredentialFacts, target: string): StepReport {
  const findings: Finding[] = [];
  const done = () => step('template', 4, l10n.t('Template and TemplateData'), l10n.t('templateId in ses.config.json, GetEmailTemplate (review status, the stored content and its variables), the data set, and the errors in Problems.'), findings, ['send-failures']);

  if (facts.templateId === undefined) {
    findings.push({
      outcome: 'fail',
      text: facts.hasConfig ? l10n.t('ses.config.json has no templateId for "{0}".', facts.configKey) : l10n.t('There is no ses.config.json for "{0}", so no templateId.', facts.name),
      fix: l10n.t('Add the TemplateID Tencent Cloud gave the template under "templates" → "{0}" in ses.config.json.', facts.configKey),
    });
  } else {
    findings.push({ outcome: 'pass', text: l10n.t('TemplateID {0} (ses.config.json).', facts.templateId) });
  }
  const keys = dataSetFindings(l10n, facts, findings);
  for (const problem of facts.localErrors.slice(0, MAX_LISTED_ERRORS)) {
    findings.push({ outcome: 'fail', text: l10n.t('Error in {0}, line {1}: {2}', problem.file, problem.line, problem.message), fix: l10n.t('Fix it in the local files, push the template and have it approved again.') });
  }
  if (facts.localErrors.length > MAX_LISTED_ERRORS) findings.push({ outcome: 'fail', text: byCount(facts.localErrors.length - MAX_LISTED_ERRORS, () => l10n.t('… and 1 more error in Problems.'), () => l10n.t('… and {0} more errors in Problems.', facts.localErrors.length - MAX_LISTED_ERRORS)) });
  if (facts.localErrors.length === 0) findings.push({ outcome: 'pass', text: l10n.t('No errors in the template\'s parts and data set (Problems).') });

  if (facts.templateId === undefined) return done();
  if (!apiReady(credentials)) {
    findings.push(skippedFinding(l10n, 'GetEmailTemplate'));
    return done();
  }
  const remote = facts.remote;
  if (!remote) return done();
  if (!remote.ok) {
    const missing = remote.kind === 'api' && (remote.code === 'InvalidParameterValue.TemplateNotExist' || remote.code === 'ResourceNotFound');
    findings.push(missing
      ? { outcome: 'fail', text: l10n.t('Template {0} does not exist in this account and region ({1}).', facts.templateId, remote.code), fix: l10n.t('Correct templateId in ses.config.json, or check the region (sesStudio.api.region).') }
      : failureFinding(l10n, 'GetEmailTemplate', remote, target));
    return done();
  }
  const status = remote.data.TemplateStatus;
  const name = remote.data.TemplateName;
  if (status === 0) {
    findings.push({ outcome: 'pass', text: l10n.t('Template {0} "{1}" is approved.', facts.templateId, name) });
  } else if (status === 1) {
    findings.push({ outcome: 'fail', text: l10n.t('Template {0} "{1}" is pending review: SendEmail refuses it until it is approved.', facts.templateId, name), fix: l10n.t('Wait for the review, usually about one business day, and run the check again.') });
  } else if (status === 2) {
    findings.push({ outcome: 'fail', text: l10n.t('Template {0} "{1}" was rejected: {2}', facts.templateId, name, facts.reviewReason || l10n.t('no reason given')), fix: l10n.t('Change the template as the review reason asks, update it and submit it again.') });
  } else {
    findings.push({ outcome: 'fail', text: l10n.t('Template {0} "{1}" is unavailable (TemplateStatus {2}).', facts.templateId, name, status), fix: l10n.t('Check the template in the SES console.') });
  }
  const stored = decodeTemplate(remote.data.TemplateContent);
  const variables = variablesOf(stored.html, stored.text, facts.subject);
  if (keys) {
    const missing = variables.filter((v) => !keys.includes(v));
    findings.push(missing.length > 0
      ? { outcome: 'fail', text: l10n.t('Data set "{0}" lacks {1}, used by the stored template or the subject: the send would fail with a TemplateData error.', facts.dataSet?.set ?? '-', missing.join(', ')), fix: l10n.t('Add the missing keys to the data set.') }
      : { outcome: 'pass', text: byCount(variables.length, () => l10n.t('Data set "{0}" has the 1 variable of the stored template and the subject.', facts.dataSet?.set ?? '-'), () => l10n.t('Data set "{0}" has all {1} variables of the stored template and the subject.', facts.dataSet?.set ?? '-', variables.length)) });
  }
  const differs = (stored.html !== undefined || facts.localHtml !== undefined) && !sameContent(stored.html, facts.localHtml)
    || (stored.text !== undefined || facts.localText !== undefined) && !sameContent(stored.text, facts.localText);
  findings.push(differs
    ? { outcome: 'warn', text: l10n.t('The local files differ from the template stored in Tencent Cloud: Tencent sends the stored one, not your local edits.'), fix: l10n.t('Push the local template (UpdateEmailTemplate) and wait for its approval before sending it.') }
    : { outcome: 'pass', text: l10n.t('The local files match the stored template.') });
  return done();
}
