import { afterEach, describe, expect, it } from 'vitest';
import * as activationModule from '../../src/gating/activation';
import { createGate, type ActivationOption, type Gate } from '../../src/gating/gate';
import { recordingLogger } from '../support/logger';

let gate: Gate | undefined;
const allowed = new Set<string>();

function page(html: string): void {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
}

function startGate(options: { nonce?: string; activation?: ActivationOption } = {}) {
  const logger = recordingLogger();
  gate = createGate({
    document,
    resolveCategory: (id) => (['necessary', 'functional', 'advertising', 'social'].includes(id) ? id : id === 'analytics' ? 'functional' : null),
    isAllowed: (id) => id === 'necessary' || allowed.has(id),
    logger,
    activation: activationModule,
    ...options,
  });
  gate.update();
  return { gate, logger };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  gate?.destroy();
  gate = undefined;
  allowed.clear();
  document.body.replaceChildren();
});

describe('the gating engine', () => {
  it('keeps every gated element inert while its category is denied (ePrivacy Art. 5(3))', () => {
    page(`
      <script type="text/plain" data-consent="advertising" src="https://ads.example/tag.js"></script>
      <iframe data-consent="social" data-src="https://video.example/e"></iframe>
      <img data-consent="advertising" data-src="https://ads.example/p.gif">`);
    startGate();
    expect(document.querySelector('script')!.type).toBe('text/plain');
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
  });

  it('activates what an update finds allowed, each at most once', () => {
    page(`<img data-consent="advertising" data-src="https://ads.example/p.gif">`);
    const { gate } = startGate();
    allowed.add('advertising');
    gate.update();
    const img = document.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://ads.example/p.gif');
    img.setAttribute('src', 'changed-by-page');
    gate.update();
    expect(img.getAttribute('src')).toBe('changed-by-page');
  });

  it('needs every listed category for data-consent="advertising social"', () => {
    page(`<iframe data-consent="advertising social" data-src="https://video.example/e"></iframe>`);
    const { gate } = startGate();
    allowed.add('social');
    gate.update();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    expect(gate.$blocked.get()[0]!.categories).toEqual(['advertising']);
    allowed.add('advertising');
    gate.update();
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://video.example/e');
    expect(gate.$blocked.get()).toEqual([]);
  });

  it('gates analytics markup by functional when the site has no analytics category', () => {
    page(`<img data-consent="analytics" data-src="https://stats.example/p.gif">`);
    const { gate } = startGate();
    allowed.add('functional');
    gate.update();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://stats.example/p.gif');
  });

  it('reports an unknown category once, with the element, and leaves it inert', () => {
    page(`<img data-consent="marketing" data-src="https://a.example/1.gif"><img data-consent="marketing" data-src="https://a.example/2.gif">`);
    const { gate, logger } = startGate();
    gate.update();
    expect(logger.warnings).toHaveLength(1);
    expect(String(logger.warnings[0]![0])).toContain('unknown category "marketing"');
    expect(logger.warnings[0]![1]).toBe(document.querySelector('img'));
    expect(gate.$blocked.get()).toEqual([]);
  });

  it('reports a data-consent script that already ran because it was not text/plain', () => {
    page(`<script data-consent="advertising" src="https://ads.example/ran.js"></script>`);
    const { logger } = startGate();
    expect(String(logger.warnings[0]![0])).toContain('not type="text/plain"');
  });

  it('describes blocked elements for placeholders: categories, host (a wrapper\'s from the first link inside it), whether to draw one', () => {
    page(`
      <iframe data-consent="social" data-src="https://www.video.example/embed/1"></iframe>
      <iframe data-consent="social" data-src="https://x.example/" data-consent-placeholder="off"></iframe>
      <div data-consent="social" data-consent-placeholder><a href="https://social.example/share">Share</a></div>
      <img data-consent="advertising" data-src="https://ads.example/p.gif">`);
    const { gate } = startGate();
    const blocked = gate.$blocked.get().map(({ element, ...rest }) => ({ tag: element.localName, ...rest }));
    expect(blocked).toEqual([
      { tag: 'iframe', categories: ['social'], host: 'www.video.example', placeholder: true },
      { tag: 'iframe', categories: ['social'], host: 'x.example', placeholder: false },
      { tag: 'div', categories: ['social'], host: 'social.example', placeholder: true },
      { tag: 'img', categories: ['advertising'], host: 'ads.example', placeholder: false },
    ]);
  });

  it('finds elements added later by the page, before and after consent', async () => {
    const { gate } = startGate();
    const early = document.createElement('img');
    early.setAttribute('data-consent', 'advertising');
    early.setAttribute('data-src', 'https://ads.example/early.gif');
    document.body.append(early);
    await flush();
    expect(early.hasAttribute('src')).toBe(false);
    expect(gate.$blocked.get().map((b) => b.element)).toEqual([early]);

    allowed.add('advertising');
    gate.update();
    const late = document.createElement('div');
    late.append(Object.assign(document.createElement('img'), {}));
    late.firstElementChild!.setAttribute('data-consent', 'advertising');
    late.firstElementChild!.setAttribute('data-src', 'https://ads.example/late.gif');
    document.body.append(late);
    await flush();
    expect(early.getAttribute('src')).toBe('https://ads.example/early.gif');
    expect(late.firstElementChild!.getAttribute('src')).toBe('https://ads.example/late.gif');
  });

  describe('an element that arrives in the same observer batch as its parent (as the parser adds them)', () => {
    /** Appends an empty wrapper, then a gated element into it, in one task: two mutation records. */
    function appendInTwoSteps(tag: string, src: string): Element {
      const wrapper = document.createElement('div');
      const element = document.createElement(tag);
      element.setAttribute('data-consent', 'social');
      element.setAttribute('data-src', src);
      document.body.append(wrapper);
      wrapper.append(element);
      return element;
    }

    it('is listed once among the blocked', async () => {
      const { gate } = startGate();
      const frame = appendInTwoSteps('iframe', 'https://video.example/embed');
      await flush();
      expect(gate.$blocked.get().map((b) => b.element)).toEqual([frame]);
    });

    /** Activation that records what it is handed, in order. */
    function countingActivation(activated: Element[]): typeof activationModule {
      return {
        ...activationModule,
        createActivator(...args) {
          const activator = activationModule.createActivator(...args);
          return {
            ...activator,
            activate(elements) {
              activated.push(...elements);
              activator.activate(elements);
            },
          };
        },
      };
    }

    it('is handed to activation once when allowed', async () => {
      const activated: Element[] = [];
      allowed.add('social');
      const { gate } = startGate({ activation: countingActivation(activated) });
      const image = appendInTwoSteps('img', 'https://video.example/still.gif');
      await flush();
      expect(gate.$blocked.get()).toEqual([]);
      expect(activated.filter((element) => element === image)).toHaveLength(1);
    });

    it('is activated in document order, not in the order the page inserted it', async () => {
      const activated: Element[] = [];
      allowed.add('social');
      startGate({ activation: countingActivation(activated) });
      const second = appendInTwoSteps('img', 'https://video.example/second.gif');
      const first = document.createElement('img');
      first.setAttribute('data-consent', 'social');
      first.setAttribute('data-src', 'https://video.example/first.gif');
      document.body.prepend(first);
      await flush();
      expect(activated).toEqual([first, second]);
    });
  });

  it('loads one element once without changing consent', () => {
    page(`<iframe data-consent="social" data-src="https://video.example/a"></iframe><iframe data-consent="social" data-src="https://video.example/b"></iframe>`);
    const { gate } = startGate();
    const [first, second] = Array.from(document.querySelectorAll('iframe'));
    gate.loadOnce(first!);
    expect(first!.getAttribute('src')).toBe('https://video.example/a');
    expect(second!.hasAttribute('src')).toBe(false);
    expect(gate.$blocked.get().map((b) => b.element)).toEqual([second]);
  });

  it('returns withdrawn iframes to their inert form (GDPR Art. 7(3))', () => {
    page(`<iframe data-consent="social" data-src="https://video.example/a"></iframe>`);
    const { gate } = startGate();
    allowed.add('social');
    gate.update();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(true);
    allowed.delete('social');
    gate.update();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    expect(gate.$blocked.get()).toHaveLength(1);
  });

  it('with a page nonce, runs only gated scripts that carry it (CSP Level 3 nonces)', async () => {
    page(`<script type="text/plain" data-consent="functional">window.pwned = 1</script>`);
    const trusted = document.createElement('script');
    trusted.setAttribute('type', 'text/plain');
    trusted.setAttribute('data-consent', 'functional');
    trusted.nonce = 'abc';
    trusted.text = 'trusted()';
    document.body.append(trusted);
    allowed.add('functional');
    const { logger } = startGate({ nonce: 'abc' });
    await flush();
    const scripts = Array.from(document.querySelectorAll('script'));
    expect(scripts.map((s) => [s.text, s.type])).toEqual([
      ['window.pwned = 1', 'text/plain'],
      ['trusted()', ''],
    ]);
    expect(String(logger.warnings[0]![0])).toContain('without the page nonce');
  });

  it('stops observing when destroyed', async () => {
    const { gate } = startGate();
    gate.destroy();
    allowed.add('advertising');
    const img = document.createElement('img');
    img.setAttribute('data-consent', 'advertising');
    img.setAttribute('data-src', 'https://ads.example/p.gif');
    document.body.append(img);
    await flush();
    expect(img.hasAttribute('src')).toBe(false);
  });

  describe('with activation loaded on demand (the script tag\'s activation part)', () => {
    it('does not load activation while nothing may run', async () => {
      page('<img data-consent="advertising" data-src="https://ads.example/p.gif">');
      let loads = 0;
      startGate({ activation: () => (loads++, Promise.resolve(activationModule)) });
      await flush();
      expect(loads).toBe(0);
      expect(gate!.$blocked.get()).toHaveLength(1);
    });

    it('loads activation once on the first allowed element, then activates in document order', async () => {
      page(`
        <script type="text/plain" data-consent="advertising" id="first">1</script>
        <img data-consent="advertising" data-src="https://ads.example/p.gif">
        <script type="text/plain" data-consent="advertising" id="second">2</script>`);
      let loads = 0;
      startGate({ activation: () => (loads++, Promise.resolve(activationModule)) });
      allowed.add('advertising');
      gate!.update();
      gate!.update();
      expect(document.querySelector('img')!.getAttribute('src')).toBeNull();
      await flush();
      expect(loads).toBe(1);
      expect(document.querySelector('img')!.getAttribute('src')).toBe('https://ads.example/p.gif');
      // The running twins replace the inert scripts in place, in document order.
      const running = Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id);
      expect(running).toEqual(['first', 'second']);
      expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(0);
    });

    it('reports a failed load once and leaves everything inert', async () => {
      page('<img data-consent="advertising" data-src="https://ads.example/p.gif">');
      const { logger } = startGate({ activation: () => Promise.reject(new Error('offline')) });
      allowed.add('advertising');
      gate!.update();
      await flush();
      expect(document.querySelector('img')!.getAttribute('src')).toBeNull();
      expect(logger.warnings).toHaveLength(1);
      expect(String(logger.warnings[0]![0])).toContain('activation part could not be loaded');
    });
  });

  describe('scripts it will not run', () => {
    it('leaves a gated script with a data-type that is not JavaScript inert, and says so once', () => {
      page(`
        <script type="text/plain" data-consent="advertising" data-type="text/x-template" src="https://ads.example/t.html"></script>
        <script type="text/plain" data-consent="advertising" data-type="module" src="https://ads.example/m.js"></script>`);
      allowed.add('advertising');
      const { logger } = startGate();
      const running = Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.getAttribute('src'));
      expect(running).toEqual(['https://ads.example/m.js']);
      expect(logger.warnings).toHaveLength(1);
      expect(String(logger.warnings[0]![0])).toContain('data-type "text/x-template", which is not JavaScript');
    });

    it('without a page nonce, leaves gated scripts of the necessary category inert, inline and external (no script gadget), once reported', () => {
      page(`
        <script type="text/plain" data-consent="necessary" id="inline">window.__gadget = 1;</script>
        <script type="text/plain" data-consent="necessary" src="/jsonp?cb=alert" id="external"></script>
        <script type="text/plain" data-consent="necessary advertising" id="both">1</script>`);
      allowed.add('advertising');
      const { logger } = startGate();
      const running = Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id);
      expect(running).toEqual(['both']);
      expect(logger.warnings).toHaveLength(1);
      expect(String(logger.warnings[0]![0])).toContain('without a page nonce');
    });

    it('runs them, inline and external, when the site sets allowInlineNecessary', () => {
      page(`
        <script type="text/plain" data-consent="necessary" id="inline">1</script>
        <script type="text/plain" data-consent="necessary" src="https://www.example.test/own.js" id="external"></script>`);
      const logger = recordingLogger();
      gate = createGate({ document, resolveCategory: (id) => id, isAllowed: () => true, logger, allowInlineNecessary: true, activation: activationModule });
      gate.update();
      expect(Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id)).toEqual(['inline', 'external']);
      expect(logger.warnings).toEqual([]);
    });

    it('activates only http(s) script URLs: a data: or blob: URL is reported and stays inert, in any category', () => {
      page(`
        <script type="text/plain" data-consent="advertising" src="data:text/javascript,window.__data=1" id="data"></script>
        <script type="text/plain" data-consent="advertising" src=" DATA:,1" id="spaced"></script>
        <script type="text/plain" data-consent="advertising" src="blob:https://www.example.test/0b7e" id="blob"></script>
        <script type="text/plain" data-consent="advertising" src="/own.js" id="relative"></script>`);
      allowed.add('advertising');
      const { logger } = startGate();
      expect(Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id)).toEqual(['relative']);
      expect(logger.errors.map((error) => String(error[2]))).toEqual([
        expect.stringContaining('not an http(s) URL'),
        expect.stringContaining('not an http(s) URL'),
        expect.stringContaining('not an http(s) URL'),
      ]);
    });

    it('refuses a script whose text a page script changed after the gate first saw it (Trusted Types)', async () => {
      page(`
        <script type="text/plain" data-consent="advertising" nonce="n0nce" id="changed">window.__site = 1;</script>
        <script type="text/plain" data-consent="advertising" nonce="n0nce" id="kept">window.__kept = 1;</script>`);
      for (const script of Array.from(document.querySelectorAll('script'))) script.nonce = 'n0nce';
      const { logger } = startGate({ nonce: 'n0nce' });
      document.getElementById('changed')!.append(document.createTextNode(';window.__injected = 1;'));
      allowed.add('advertising');
      gate!.update();
      await flush();
      expect(Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id)).toEqual(['kept']);
      expect(String(logger.errors[0]![2])).toContain('changed after it was parsed');
    });

    it('refuses a script with a text node appended before the gate first saw it (the parser writes one)', () => {
      page('<script type="text/plain" data-consent="advertising" id="changed">window.__site = 1;</script>');
      document.getElementById('changed')!.append(document.createTextNode(';window.__injected = 1;'));
      allowed.add('advertising');
      const { logger } = startGate();
      expect(document.querySelector('script[data-consent-activated]')).toBeNull();
      expect(String(logger.errors[0]![2])).toContain('changed after it was parsed');
    });

    it('with a page nonce, runs the necessary inline scripts that carry it and no other', () => {
      page(`
        <script type="text/plain" data-consent="necessary" id="signed">1</script>
        <script type="text/plain" data-consent="necessary" id="injected">2</script>`);
      (document.getElementById('signed') as HTMLScriptElement).nonce = 'n0nce';
      const { logger } = startGate({ nonce: 'n0nce' });
      const running = Array.from(document.querySelectorAll('script[data-consent-activated]'), (script) => script.id);
      expect(running).toEqual(['signed']);
      expect(String(logger.warnings[0]![0])).toContain('without the page nonce');
    });
  });
});
