import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/autoblock/classify';
import type { Interceptor } from '../../src/autoblock/interceptor';
import { watchLate } from '../../src/autoblock/report';
import { recordingLogger } from '../support/logger';

/** An interceptor that holds nothing and denies the test host (the real one is tests/autoblock/interceptor.test.ts). */
function fakeInterceptor(): Interceptor {
  const held = new Map();
  return {
    held,
    denied: (_element: Element, _name: string, text: string): Verdict | undefined =>
      new URL(text, document.baseURI).hostname === 'tracker.example' ? { category: 'advertising', vendor: 'Tracker', host: 'tracker.example' } : undefined,
    stand: (node: Node) => node,
    hold: () => undefined,
    drop: () => false,
    release: () => undefined,
  };
}

const late = 'autoBlock: tracker.example came as HTML or through the parser, too late to stop. Write it inert (data-consent) or insert it with DOM methods:';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('reporting vendor elements that reached the page too late to stop (debug)', () => {
  it('first reports what is already in the page, once per host', () => {
    document.body.innerHTML = '<img src="https://tracker.example/a.gif"><img src="https://tracker.example/b.gif"><img src="/own.png">';
    const logger = recordingLogger();
    watchLate(window as unknown as Window & typeof globalThis, fakeInterceptor(), logger);
    expect(logger.warnings).toEqual([[late, document.body.firstElementChild]]);
  });

  it('then reports vendor elements added later, inside added subtrees too', async () => {
    const logger = recordingLogger();
    watchLate(window as unknown as Window & typeof globalThis, fakeInterceptor(), logger);
    const box = document.createElement('div');
    const frame = document.createElement('script');
    frame.setAttribute('src', 'https://tracker.example/t.js');
    box.append(frame);
    document.body.append(box);
    await settle();
    expect(logger.warnings).toEqual([[late, frame]]);
  });

  it('says nothing about elements the interceptor holds or that left the page', async () => {
    const interceptor = fakeInterceptor();
    const logger = recordingLogger();
    const held = document.createElement('img');
    held.setAttribute('src', 'https://tracker.example/p.gif');
    interceptor.held.set(held, { category: 'advertising', urls: {} });
    document.body.append(held);
    watchLate(window as unknown as Window & typeof globalThis, interceptor, logger);
    const gone = document.createElement('img');
    gone.setAttribute('src', 'https://tracker.example/q.gif');
    document.body.append(gone);
    gone.remove();
    await settle();
    expect(logger.warnings).toEqual([]);
  });
});
