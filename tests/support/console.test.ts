/**
 * The unit project's console check (tests/support/console-setup.ts) itself: it must catch the
 * library's real logger, and it must fail on what it is meant to fail on.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger';
import { createConsent } from '../../src/create-consent';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import { checkConsoleMessages, consoleMessages, expectConsoleMessage, takeConsoleMessages } from './console';

describe('the [consent-gate] console check', () => {
  it('fails a test on an unclaimed warning or error from the library logger', () => {
    const logger = createLogger();
    logger.warnOnce('k', 'an unexpected warning');
    logger.error('an unexpected error');
    expect(() => checkConsoleMessages()).toThrow(/unexpected console\.warn: \[consent-gate\] an unexpected warning[\s\S]*unexpected console\.error: \[consent-gate\] an unexpected error/);
    // The check reset the record, so the real check after this test passes.
    expect(consoleMessages()).toEqual([]);
  });

  it('fails when a claimed message never came, or came another number of times', () => {
    expectConsoleMessage(/never printed/);
    expect(() => checkConsoleMessages()).toThrow(/expected warn\|error \/never printed\/, printed 0 time/);
    const logger = createLogger();
    logger.error('twice');
    logger.error('twice');
    expectConsoleMessage(/twice/, { times: 1 });
    expect(() => checkConsoleMessages()).toThrow(/printed 2 time/);
  });

  it('passes a claimed message, and a taken one', () => {
    const logger = createLogger();
    logger.warnOnce('a', 'claimed one');
    logger.warnOnce('b', 'taken one');
    expectConsoleMessage(/claimed one/, { level: 'warn', times: 1 });
    expect(takeConsoleMessages(/taken/)).toEqual(['[consent-gate] taken one']);
    expect(() => checkConsoleMessages()).not.toThrow();
  });

  it('ignores console lines that are not the library\'s', () => {
    console.warn('some other library says hello');
    expect(() => checkConsoleMessages()).not.toThrow();
  });

  it('sees what an instance with the default logger prints (an unknown category in the markup)', () => {
    document.body.innerHTML = '<img data-consent="adverts" data-src="https://ads.example/p.gif" alt="">';
    const gate = createConsent({ categories: { advertising: {} } }, { storage: createMemoryStorage(), document });
    gate.destroy();
    document.body.replaceChildren();
    expect(takeConsoleMessages(/adverts/, 'warn')).toHaveLength(1);
  });
});
