import { afterEach, describe, expect, it, vi } from 'vitest';
import { say, word } from '../../src/core/wording';

afterEach(() => vi.unstubAllEnvs());

describe('console wording', () => {
  it('says the full sentence, its placeholders filled, in development builds', () => {
    expect(say('set-unknown', { id: 'ads', configured: 'analytics' })).toBe('set(): "ads" is not a configurable category; configured: analytics');
  });

  it('says only the code and its values in production builds', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(say('set-unknown', { id: 'ads', configured: 'analytics' })).toBe('set-unknown {"id":"ads","configured":"analytics"}');
    expect(say('cookie-refused')).toBe('cookie-refused');
  });

  it('words a production message back into the sentence (the script tag\u2019s messages part)', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const message = say('listener-threw', { event: 'change' });
    vi.unstubAllEnvs();
    expect(word(message)).toBe('a "change" listener threw:');
    expect(word('cookie-refused')).toBe('the browser refused the consent cookie; the decision holds for this page only.');
  });

  it('returns anything that is not a known code as it is, hostile values included', () => {
    expect(word('hello world')).toBe('hello world');
    expect(word('toString')).toBe('toString');
    expect(word('__proto__ {}')).toBe('__proto__ {}');
    expect(word('set-unknown {not json')).toBe('set-unknown {not json');
  });
});
