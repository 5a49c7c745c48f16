import { describe, expect, it } from 'vitest';
import { createClassifier, siteOf } from '../../src/autoblock/classify';
import { categoryResolver } from '../../src/config/normalize';
import type { ConsentGateConfig } from '../../src/types';

// The unit project's page is https://www.example.test/articles/today.
function classifier(config: ConsentGateConfig) {
  return createClassifier(config, document, categoryResolver(['necessary', ...Object.keys(config.categories ?? {})]));
}

describe('siteOf', () => {
  it('is the registrable domain, with co.uk-style suffixes kept', () => {
    expect(siteOf('static.hotjar.com')).toBe('hotjar.com');
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('www.example.de')).toBe('example.de');
  });

  it('is the host itself for IP addresses and single labels', () => {
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('::1')).toBe('::1');
  });
});

describe('createClassifier', () => {
  const classify = classifier({ categories: { analytics: {}, advertising: {}, functional: { vendors: [{ name: 'Widgets', domains: ['.widgets.example.org'] }] } } });

  it('leaves first-party and relative URLs alone, even on a catalogued path', () => {
    expect(classify('/ads/tag.js')).toBeUndefined();
    expect(classify('https://cdn.example.test/x.js')).toBeUndefined();
    expect(classify('data:text/javascript,1')).toBeUndefined();
  });

  it('leaves unknown third-party hosts alone', () => {
    expect(classify('https://cdn.unknown-vendor.example/x.js')).toBeUndefined();
  });

  it('gives a catalogued vendor its configured category, analytics falling back to functional', () => {
    expect(classify('https://snap.licdn.com/li.lms-analytics/insight.min.js')).toMatchObject({ category: 'advertising', host: 'snap.licdn.com' });
    expect(classify('//static.hotjar.com/c/hotjar-1.js')).toMatchObject({ category: 'analytics', vendor: 'Hotjar' });
    const noAnalytics = classifier({ categories: { functional: {} } });
    expect(noAnalytics('https://static.hotjar.com/c/hotjar-1.js')?.category).toBe('functional');
  });

  it('fails closed: a catalogued vendor of a category the site did not configure gets null', () => {
    expect(classify('https://platform.twitter.com/widgets.js')).toMatchObject({ category: null, vendor: 'X (Twitter)' });
  });

  it("lets the site's vendors[].domains add hosts and win over the catalogue, subdomains included", () => {
    expect(classify('https://cdn.widgets.example.org/w.js')).toMatchObject({ category: 'functional', vendor: 'widgets.example.org' });
    const override = classifier({ categories: { necessary: { vendors: [{ name: 'Tags', domains: ['googletagmanager.com'] }] }, analytics: {} } });
    expect(override('https://www.googletagmanager.com/gtm.js')?.category).toBe('necessary');
  });

  it('parses as the URL parser does: tabs and newlines between the slashes, leading controls and spaces, backslashes', () => {
    expect(classify('/\t/static.hotjar.com/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify('/\n/static.hotjar.com/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify('\x01//static.hotjar.com/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify(' \x1f//static.hotjar.com/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify('\\\\static.hotjar.com/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
  });

  it('knows a host written with the root’s trailing dot, the site’s own domains included', () => {
    expect(classify('https://cdn.widgets.example.org./w.js')).toMatchObject({ category: 'functional', host: 'cdn.widgets.example.org' });
    expect(classify('https://static.hotjar.com./c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify('https://www.example.test./x.js')).toBeUndefined();
  });

  it('judges WebSocket URLs by their host too', () => {
    expect(classify('wss://static.hotjar.com/socket')).toMatchObject({ vendor: 'Hotjar' });
    expect(classify('ws://cdn.widgets.example.org/live')).toMatchObject({ category: 'functional' });
  });

  it('judges a path-absolute URL against the base of the moment, twice the same string included', () => {
    expect(classify('/c/hotjar-1.js')).toBeUndefined();
    const base = document.createElement('base');
    base.href = 'https://static.hotjar.com/';
    document.head.append(base);
    try {
      expect(classify('/c/hotjar-1.js')).toMatchObject({ vendor: 'Hotjar' });
    } finally {
      base.remove();
    }
    expect(classify('/c/hotjar-1.js')).toBeUndefined();
  });
});
