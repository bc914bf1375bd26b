import { faqTopic, TENCENT_DOCS, type TencentDocPage } from '../../knowledge';
import { accessibilityGuideUrl } from '../../knowledge/accessibility';
import type { FaqTopicId } from '../../knowledge/faq';
import { a11yAltText } from './a11yAltText';
import { a11yContrast } from './a11yContrast';
import { a11yHeadingOrder } from './a11yHeadingOrder';
import { a11yLayoutTable } from './a11yLayoutTable';
import { a11yLinkText } from './a11yLinkText';
import { a11yMissingLang } from './a11yMissingLang';
import { a11yMissingTitle } from './a11yMissingTitle';
import { a11ySmallText } from './a11ySmallText';
import { advertisingWording } from './advertisingWording';
import { clientSupport } from './clientSupport';
import { complexValue } from './complexValue';
import { darkModeLogo } from './darkModeLogo';
import { darkModeTextColor } from './darkModeTextColor';
import { emailTooLarge } from './emailTooLarge';
import { foreignPlaceholder } from './foreignPlaceholder';
import { handlebarsSyntax } from './handlebarsSyntax';
import { htmlInValue } from './htmlInValue';
import { htmlTooLarge } from './htmlTooLarge';
import { imageCssBackground } from './imageCssBackground';
import { imageDataUri } from './imageDataUri';
import { imageHeavyEmail } from './imageHeavyEmail';
import { imageInsecureUrl } from './imageInsecureUrl';
import { imageMalformedUrl } from './imageMalformedUrl';
import { imageMissingAlt } from './imageMissingAlt';
import { imageMissingSize } from './imageMissingSize';
import { imageMissingSrc } from './imageMissingSrc';
import { imageRelativeUrl } from './imageRelativeUrl';
import { imageSvg } from './imageSvg';
import { invalidConfig } from './invalidConfig';
import { invalidDataFile } from './invalidDataFile';
import { linkEmpty } from './linkEmpty';
import { linkInsecure } from './linkInsecure';
import { linkInvalidMailto } from './linkInvalidMailto';
import { linkJavascript } from './linkJavascript';
import { linkMalformed } from './linkMalformed';
import { linkShortener } from './linkShortener';
import { linkTextMismatch } from './linkTextMismatch';
import { missingTextPart } from './missingTextPart';
import { missingUnsubscribe } from './missingUnsubscribe';
import { missingVariable } from './missingVariable';
import { noDataSet } from './noDataSet';
import { nonStringValue } from './nonStringValue';
import { reviewRefusedWording } from './reviewRefusedWording';
import { shoutingSubject } from './shoutingSubject';
import { spacesInBraces } from './spacesInBraces';
import { templateDataTooLarge } from './templateDataTooLarge';
import { tencentDialect } from './tencentDialect';
import { tooLargeToCheck } from './tooLargeToCheck';
import { tooLittleText } from './tooLittleText';
import { tooManyImages } from './tooManyImages';
import type { Check, CheckMeta } from './types';
import { htmlScript, unsupportedHtml } from './unsupportedHtml';
import { unusedDataKey } from './unusedDataKey';
import { unusedSuppression } from './unusedSuppression';
import { variableInComment } from './variableInComment';
import { variableName } from './variableName';

/** Every check, in the order their findings are listed. Add new checks here. */
export const CHECKS: readonly Check[] = [
  // templates: parts and subject
  handlebarsSyntax,
  tencentDialect,
  missingVariable,
  variableName,
  variableInComment,
  spacesInBraces,
  foreignPlaceholder,
  noDataSet,
  // HTML parts: images
  imageMissingSrc,
  imageRelativeUrl,
  imageDataUri,
  imageInsecureUrl,
  imageMalformedUrl,
  imageSvg,
  imageMissingAlt,
  imageMissingSize,
  imageCssBackground,
  tooManyImages,
  imageHeavyEmail,
  // HTML parts: links
  linkEmpty,
  linkJavascript,
  linkInsecure,
  linkMalformed,
  linkShortener,
  linkTextMismatch,
  linkInvalidMailto,
  // HTML parts: accessibility (docs/accessibility.md)
  a11yMissingLang,
  a11yMissingTitle,
  a11yLayoutTable,
  a11yHeadingOrder,
  a11yLinkText,
  a11yAltText,
  a11yContrast,
  a11ySmallText,
  // HTML parts: dark mode (docs/preview.md, "Dark mode")
  darkModeLogo,
  darkModeTextColor,
  // advertising, review and size
  advertisingWording,
  reviewRefusedWording,
  shoutingSubject,
  missingUnsubscribe,
  tooLittleText,
  htmlScript,
  unsupportedHtml,
  clientSupport,
  missingTextPart,
  htmlTooLarge,
  emailTooLarge,
  // data sets and ses.config.json
  invalidDataFile,
  invalidConfig,
  unusedDataKey,
  complexValue,
  htmlInValue,
  nonStringValue,
  templateDataTooLarge,
  tooLargeToCheck,
  // reported by the language service after every other check (see ../suppression.ts)
  unusedSuppression,
];

/**
 * The FAQ topic of the checks that do not name one in their meta: images that do not show, spam
 * filters and Tencent Exmail, and what makes a send fail.
 */
const FAQ_TOPIC_BY_CHECK: Readonly<Record<string, FaqTopicId>> = {
  'image-missing-src': 'images-not-displayed',
  'image-relative-url': 'images-not-displayed',
  'image-data-uri': 'images-not-displayed',
  'image-insecure-url': 'images-not-displayed',
  'image-malformed-url': 'images-not-displayed',
  'image-missing-alt': 'images-not-displayed',
  'image-missing-size': 'images-not-displayed',
  'image-css-background': 'images-not-displayed',
  'image-svg': 'images-not-displayed',
  'too-many-images': 'exmail-advertising',
  'image-heavy-email': 'exmail-advertising',
  'link-empty': 'exmail-advertising',
  'link-javascript': 'exmail-advertising',
  'link-insecure': 'exmail-advertising',
  'link-malformed': 'exmail-advertising',
  'link-shortener': 'exmail-advertising',
  'link-text-mismatch': 'exmail-advertising',
  'link-invalid-mailto': 'exmail-advertising',
  'missing-variable': 'send-failures',
  'invalid-data-file': 'send-failures',
  'complex-value': 'send-failures',
  'html-in-value': 'send-failures',
  'non-string-value': 'send-failures',
  'template-data-too-large': 'send-failures',
  'tencent-dialect': 'send-failures',
};

/** The FAQ topic of a check: its own `faqTopic`, else the table above. */
export function faqTopicOf(meta: CheckMeta): FaqTopicId | undefined {
  return meta.faqTopic ?? FAQ_TOPIC_BY_CHECK[meta.id];
}

/**
 * Checks answered by a closer Tencent page than their FAQ topic's: the review rules are in the
 * template FAQ, the size limit in the sending-limits FAQ, TemplateData's rules on the SendEmail page.
 */
const DOC_PAGE_BY_CHECK: Readonly<Record<string, TencentDocPage>> = {
  'too-little-text': 'templateFaq',
  'review-refused-wording': 'templateFaq',
  'too-many-images': 'templateFaq',
  'email-too-large': 'sendingLimitsFaq',
  'missing-variable': 'sendEmailApi',
  'invalid-data-file': 'sendEmailApi',
  'complex-value': 'sendEmailApi',
  'html-in-value': 'sendEmailApi',
  'non-string-value': 'sendEmailApi',
  'template-data-too-large': 'sendEmailApi',
  'tencent-dialect': 'sendEmailApi',
  'variable-name': 'sendEmailApi',
  'variable-in-comment': 'sendEmailApi',
  'spaces-in-braces': 'sendEmailApi',
  'foreign-placeholder': 'sendEmailApi',
  'no-data-set': 'sendEmailApi',
  'unused-data-key': 'sendEmailApi',
};

/**
 * The page that explains a check's rule (its diagnostics' `codeDescription`): the Tencent page named
 * above, else the page of its FAQ topic, else (accessibility checks) the W3C page of its WCAG criterion.
 */
export function docUrlOf(meta: CheckMeta): string | undefined {
  const page = DOC_PAGE_BY_CHECK[meta.id];
  if (page) return TENCENT_DOCS[page];
  const guide = accessibilityGuideUrl(meta.id);
  if (guide) return guide;
  const topic = faqTopicOf(meta);
  return topic ? faqTopic(topic, 'en')?.docUrl : undefined;
}

/** The meta of the registered check with this id (the `code` of its diagnostics). */
export function checkMeta(id: string): CheckMeta | undefined {
  return CHECKS.find((check) => check.meta.id === id)?.meta;
}
