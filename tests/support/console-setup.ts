/**
 * Setup file of the unit project (vite.config.ts `setupFiles`): fails any test that printed a
 * `[consent-gate]` warning or error it did not claim (tests/support/console.ts).
 */
import { afterEach, beforeEach } from 'vitest';
import { checkConsoleMessages, installConsoleWatch, resetConsoleMessages } from './console';

installConsoleWatch();
beforeEach(resetConsoleMessages);
afterEach(checkConsoleMessages);
