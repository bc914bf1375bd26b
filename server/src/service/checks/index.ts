import { handlebarsSyntax } from './handlebarsSyntax';
import { tooLargeToCheck } from './tooLargeToCheck';
import type { Check } from './types';

/** Every check, in the order their findings are listed. Add new checks here. */
export const CHECKS: readonly Check[] = [handlebarsSyntax, tooLargeToCheck];
