/**
 * Local emulator of the Tencent Cloud SES API (ses 2020-10-02) for tests and manual runs: real TC3
 * signature checks, the documented error codes, seedable state and injectable faults.
 * No `vscode` import: it runs under node:test, the CLI, and as the target of the extension in e2e.
 */
export { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, maskSecretId, startEmulator } from './server';
export { loadSeedFile, mergeSeeds, stateFromSeed } from './seedState';
export { beijingDate, beijingDateTime } from './beijingTime';
export type {
  EmulatorBlockedAddress, EmulatorHandle, EmulatorMessage, EmulatorOptions, EmulatorSeed, EmulatorSender, EmulatorState,
  EmulatorStatisticsRow, EmulatorTemplate, Fault, ReceivedRequest, SeedBlockedAddress, SeedMessage, SeedSender, SeedStatisticsRow, SeedStatisticsSeries, SeedTemplate, SeedTime,
} from './types';
