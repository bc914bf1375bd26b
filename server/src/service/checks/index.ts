import { complexValue } from './complexValue';
import { handlebarsSyntax } from './handlebarsSyntax';
import { htmlInValue } from './htmlInValue';
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
import { invalidDataFile } from './invalidDataFile';
import { linkEmpty } from './linkEmpty';
import { linkInsecure } from './linkInsecure';
import { linkInvalidMailto } from './linkInvalidMailto';
import { linkJavascript } from './linkJavascript';
import { linkMalformed } from './linkMalformed';
import { linkShortener } from './linkShortener';
import { linkTextMismatch } from './linkTextMismatch';
import { missingVariable } from './missingVariable';
import { noDataSet } from './noDataSet';
import { nonStringValue } from './nonStringValue';
import { spacesInBraces } from './spacesInBraces';
import { templateDataTooLarge } from './templateDataTooLarge';
import { tencentDialect } from './tencentDialect';
import { tooLargeToCheck } from './tooLargeToCheck';
import { tooManyImages } from './tooManyImages';
import type { Check } from './types';
import { unusedDataKey } from './unusedDataKey';
import { variableName } from './variableName';

/** Every check, in the order their findings are listed. Add new checks here. */
export const CHECKS: readonly Check[] = [
  // templates: parts and subject
  handlebarsSyntax,
  tencentDialect,
  missingVariable,
  variableName,
  spacesInBraces,
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
  // data sets
  invalidDataFile,
  unusedDataKey,
  complexValue,
  htmlInValue,
  nonStringValue,
  templateDataTooLarge,
  tooLargeToCheck,
];
