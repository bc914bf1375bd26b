import { ApiError } from './apiError';
import { isCalendarDate } from './beijingTime';

/**
 * Reading action parameters from the JSON body. API 3.0 is strict about JSON types: a missing
 * required field is `MissingParameter`, a field of the wrong type `InvalidParameter`, a well-typed
 * but unacceptable value `InvalidParameterValue` (or a more specific documented code).
 */

export type Params = Record<string, unknown>;

/** Undefined parameters are refused, so that a misspelt field in the client fails loudly. */
export function allowOnly(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw new ApiError('UnknownParameter', `The parameter \`${key}\` is not recognized.`);
  }
}

function missing(name: string): ApiError {
  return new ApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
}

function wrongType(name: string, expected: string): ApiError {
  return new ApiError('InvalidParameter', `The parameter \`${name}\` must be ${expected}.`);
}

export function isPresent(params: Params, name: string): boolean {
  return params[name] !== undefined && params[name] !== null;
}

export function requireString(params: Params, name: string): string {
  if (!isPresent(params, name)) throw missing(name);
  return optionalString(params, name) as string;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(name, 'a string');
  return value;
}

/** A non-negative integer (uint64 in the API spec). */
export function requireUint(params: Params, name: string): number {
  if (!isPresent(params, name)) throw missing(name);
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(name, 'an integer');
  if (value < 0) throw new ApiError('InvalidParameterValue', `The parameter \`${name}\` must not be negative.`);
  return value;
}

export function optionalStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw wrongType(name, 'an array of strings');
  return value as string[];
}

export function requireStringArray(params: Params, name: string): string[] {
  if (!isPresent(params, name)) throw missing(name);
  return optionalStringArray(params, name) as string[];
}

export function requireObject(params: Params, name: string): Params {
  if (!isPresent(params, name)) throw missing(name);
  return optionalObject(params, name) as Params;
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(name, 'an object');
  return value as Params;
}

/** `YYYY-MM-DD`; a malformed or impossible date is `InvalidParameterValue.WrongDate`. */
export function requireDate(params: Params, name: string): string {
  const value = requireString(params, name);
  if (!isCalendarDate(value)) throw new ApiError('InvalidParameterValue.WrongDate', `The parameter \`${name}\` must be a date written YYYY-MM-DD.`);
  return value;
}

/** Page size: at most 100 (`FailedOperation.InvalidLimit`). */
export function requireLimit(params: Params): number {
  const limit = requireUint(params, 'Limit');
  if (limit > 100) throw new ApiError('FailedOperation.InvalidLimit');
  return limit;
}

/** A plain address `user@domain.tld`: one @, no spaces or angle brackets, a dot in the domain. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(text);
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
