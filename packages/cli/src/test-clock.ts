/**
 * The CLI tests' clock: a Saturday noon in Shanghai, so that "tomorrow" in the demo's zone is a
 * Sunday, when no demo hospital receives; a test that needs another day sets its own.
 */
export const TEST_NOW = new Date('2026-12-05T04:00:00Z');
export const TEST_CLOCK = (): Date => TEST_NOW;
