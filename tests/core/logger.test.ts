import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger';
import { expectConsoleMessage, takeConsoleMessages } from '../support/console';

describe('the [consent-gate] console voice', () => {
  it('says each warning once per key, with the prefix first', () => {
    const logger = createLogger();
    logger.warnOnce('a', 'first', 1);
    logger.warnOnce('a', 'again');
    logger.warnOnce('b', 'second');
    expect(takeConsoleMessages(/./, 'warn')).toEqual(['[consent-gate] first 1', '[consent-gate] second']);
  });

  it('keeps what it said per instance: another instance says it again', () => {
    createLogger().warnOnce('a', 'said');
    createLogger().warnOnce('a', 'said');
    expectConsoleMessage('[consent-gate] said', { level: 'warn', times: 2 });
  });

  it('reports every error, each time', () => {
    const logger = createLogger();
    logger.error('broken');
    logger.error('broken');
    expectConsoleMessage('[consent-gate] broken', { level: 'error', times: 2 });
  });
});
