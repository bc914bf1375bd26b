import * as path from 'node:path';
import { loadSeedFile, mergeSeeds } from './seedState';
import type { EmulatorSeed } from './types';

/**
 * Shared by the emulator tests: a fixed clock (2026-11-28 03:00:00 UTC = 11:00 Beijing, so the UTC
 * and Beijing dates agree and relative seed times are predictable) and the examples seed.
 */
export const FIXED_NOW_MS = Date.UTC(2026, 10, 28, 3, 0, 0);
export const FIXED_NOW_SECONDS = FIXED_NOW_MS / 1000;

/** The repository root, from out/test/emulator or test/emulator. */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

export function examplesSeed(): EmulatorSeed {
  return loadSeedFile(path.join(REPO_ROOT, 'test/emulator/seeds/examples.json'));
}

/** examples.json with seeds/nearQuota.json over it: news.example.com at level 2 has sent 998 of its 1,000 today. */
export function nearQuotaSeed(): EmulatorSeed {
  return mergeSeeds(examplesSeed(), loadSeedFile(path.join(REPO_ROOT, 'test/emulator/seeds/nearQuota.json')));
}
