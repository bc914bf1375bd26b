import { complexValue } from './complexValue';
import { handlebarsSyntax } from './handlebarsSyntax';
import { htmlInValue } from './htmlInValue';
import { invalidDataFile } from './invalidDataFile';
import { missingVariable } from './missingVariable';
import { noDataSet } from './noDataSet';
import { nonStringValue } from './nonStringValue';
import { spacesInBraces } from './spacesInBraces';
import { templateDataTooLarge } from './templateDataTooLarge';
import { tencentDialect } from './tencentDialect';
import { tooLargeToCheck } from './tooLargeToCheck';
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
  // data sets
  invalidDataFile,
  unusedDataKey,
  complexValue,
  htmlInValue,
  nonStringValue,
  templateDataTooLarge,
  tooLargeToCheck,
];
