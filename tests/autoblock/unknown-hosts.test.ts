import { describe, expect, it } from 'vitest';
import type { Classifier } from '../../src/autoblock/classify';
import { reportUnknownHosts } from '../../src/autoblock/unknown-hosts';
import { recordingLogger } from '../support/logger';

/** A window whose resource timing and timers the test drives. */
function fakeView() {
  let deliver: (names: string[]) => void = () => undefined;
  const timers: Array<() => void> = [];
  const observed: unknown[] = [];
  class PerformanceObserver {
    constructor(callback: (list: { getEntries(): Array<{ name: string }> }) => void) {
      deliver = (names) => callback({ getEntries: () => names.map((name) => ({ name })) });
    }
    observe(options: unknown) {
      observed.push(options);
    }
  }
  const view = {
    location: { hostname: 'www.example.test' },
    PerformanceObserver,
    setTimeout: (run: () => void, delay: number) => (timers.push(run), delay),
  } as unknown as Window & typeof globalThis;
  return { view, deliver: (...names: string[]) => deliver(names), flush: () => timers.splice(0).forEach((run) => run()), timers, observed };
}

const known: Classifier = (url) => (url.includes('tracker.example') ? { category: 'advertising', vendor: 'Tracker', host: 'tracker.example' } : undefined);

describe('third-party hosts in no category (autoBlock debug)', () => {
  it('lists, a second after the first one, each uncategorised third-party host once', () => {
    const { view, deliver, flush, timers, observed } = fakeView();
    const logger = recordingLogger();
    reportUnknownHosts(view, known, logger);
    expect(observed).toEqual([{ type: 'resource', buffered: true }]);
    deliver('https://cdn.unknown.example/a.js', 'https://cdn.unknown.example/b.js', 'https://fonts.other.example:443/f.woff2');
    expect(logger.warnings).toEqual([]);
    expect(timers).toHaveLength(1);
    flush();
    expect(logger.warnings).toEqual([[expect.any(String), ['cdn.unknown.example', 'fonts.other.example']]]);
  });

  it('leaves out first-party hosts, catalogued or declared vendors, and non-http entries', () => {
    const { view, deliver, flush } = fakeView();
    const logger = recordingLogger();
    reportUnknownHosts(view, known, logger);
    deliver('https://static.example.test/app.js', 'https://tracker.example/t.js', 'data:text/plain,x', 'blob:https://www.example.test/1');
    flush();
    expect(logger.warnings).toEqual([]);
  });

  it('reports hosts found later in a new batch, without repeating earlier ones', () => {
    const { view, deliver, flush } = fakeView();
    const logger = recordingLogger();
    reportUnknownHosts(view, known, logger);
    deliver('https://one.example/a.js');
    flush();
    deliver('https://one.example/b.js', 'https://two.example/c.js');
    flush();
    expect(logger.warnings.map((details) => details[1])).toEqual([['one.example'], ['two.example']]);
  });
});
