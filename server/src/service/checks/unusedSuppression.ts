import type { Check } from './types';

/**
 * A `<!-- ses-disable… -->` comment, or one of its codes, that hides no finding. Registered like every
 * check (severity setting, code), but its findings depend on what the other checks found, so the
 * language service reports them after all checks ran (see ../suppression.ts); `run` does nothing.
 */
export const unusedSuppression: Check = {
  meta: { id: 'unused-suppression', defaultSeverity: 'info' },
  run() {
    // reported by createLanguageService().validate
  },
};
