import { describe, expect, it } from 'vitest';
import { findVendor, vendorRules } from '../../src/catalogues/vendors';

const category = (url: string) => findVendor(url)?.category;

describe('findVendor', () => {
  it('catalogues at least 150 hosts in the browser subset', () => {
    const hosts = new Set(vendorRules().map((rule) => rule.rule.split('/')[0]));
    expect(hosts.size).toBeGreaterThanOrEqual(150);
  });

  it('gives every rule a consent category', () => {
    for (const rule of vendorRules()) {
      expect(['necessary', 'functional', 'analytics', 'advertising', 'social']).toContain(rule.category);
    }
  });

  it('tells the Meta Pixel from Facebook plugins on the same hosts', () => {
    expect(findVendor('https://www.facebook.com/tr?id=123&ev=PageView')).toEqual({ vendor: 'Meta Pixel', category: 'advertising' });
    expect(category('https://www.facebook.com/tr/')).toBe('advertising');
    expect(category('https://www.facebook.com/plugins/like.php?href=x')).toBe('social');
    expect(category('https://www.facebook.com/translations/')).toBe('social');
    expect(category('https://connect.facebook.net/en_US/fbevents.js')).toBe('advertising');
    expect(category('https://connect.facebook.net/signals/config/123?v=2')).toBe('advertising');
    expect(category('https://connect.facebook.net/en_US/sdk.js#xfbml=1')).toBe('social');
    expect(category('https://connect.facebook.net/de_DE/sdk/xfbml.customerchat.js')).toBe('social');
  });

  it('keeps CAPTCHAs necessary and maps functional on a shared Google host', () => {
    expect(category('https://www.google.com/recaptcha/api.js?render=explicit')).toBe('necessary');
    expect(category('https://www.gstatic.com/recaptcha/releases/abc/recaptcha__en.js')).toBe('necessary');
    expect(category('https://www.recaptcha.net/recaptcha/api.js')).toBe('necessary');
    expect(category('https://js.hcaptcha.com/1/api.js')).toBe('necessary');
    expect(category('https://challenges.cloudflare.com/turnstile/v0/api.js')).toBe('necessary');
    expect(category('https://www.google.com/maps/embed?pb=x')).toBe('functional');
    expect(category('https://www.google.com/search?q=x')).toBeUndefined();
  });

  it('maps video embeds, analytics, tag managers and ads', () => {
    expect(category('https://www.youtube.com/embed/abc')).toBe('social');
    expect(category('https://www.youtube-nocookie.com/embed/abc')).toBe('social');
    expect(category('https://player.vimeo.com/video/1')).toBe('social');
    expect(findVendor('https://www.google-analytics.com/analytics.js')).toEqual({ vendor: 'Google Analytics', category: 'analytics' });
    expect(category('https://region1.google-analytics.com/g/collect')).toBe('analytics');
    expect(category('https://www.googletagmanager.com/gtm.js?id=GTM-X')).toBe('analytics');
    expect(category('https://static.hotjar.com/c/hotjar-1.js')).toBe('analytics');
    expect(category('https://www.clarity.ms/tag/abc')).toBe('analytics');
    expect(category('https://securepubads.g.doubleclick.net/tag/js/gpt.js')).toBe('advertising');
    expect(category('https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js')).toBe('advertising');
    expect(category('https://widget.intercom.io/widget/x')).toBe('functional');
  });

  it('matches subdomains of a catalogued host', () => {
    expect(category('https://stats.g.doubleclick.net/j/collect')).toBe('advertising');
    expect(category('//stats.g.doubleclick.net/r/collect')).toBe('advertising');
    expect(category('https://STATS.G.DOUBLECLICK.NET./x')).toBe('advertising');
  });

  it('splits social networks into their ad tags and their embeds', () => {
    expect(category('https://snap.licdn.com/li.lms-analytics/insight.min.js')).toBe('advertising');
    expect(category('https://platform.linkedin.com/in.js')).toBe('social');
    expect(category('https://analytics.tiktok.com/i18n/pixel/events.js')).toBe('advertising');
    expect(category('https://www.tiktok.com/embed.js')).toBe('social');
    expect(category('https://s.pinimg.com/ct/core.js')).toBe('advertising');
    expect(category('https://assets.pinterest.com/js/pinit.js')).toBe('social');
    expect(category('https://platform.twitter.com/widgets.js')).toBe('social');
    expect(category('https://static.ads-twitter.com/uwt.js')).toBe('advertising');
    expect(category('https://bat.bing.com/bat.js')).toBe('advertising');
  });

  it('returns undefined for unknown, first-party and non-http URLs', () => {
    expect(findVendor('https://www.example.test/js/app.js')).toBeUndefined();
    expect(findVendor('/js/app.js')).toBeUndefined();
    expect(findVendor('https://localhost:8080/x.js')).toBeUndefined();
    expect(findVendor('https://127.0.0.1/x.js')).toBeUndefined();
    expect(findVendor('data:text/javascript,1')).toBeUndefined();
    expect(findVendor('not a url')).toBeUndefined();
    // Hosts that only end like a catalogued one are not its subdomains.
    expect(findVendor('https://notdoubleclick.net/x.js')).toBeUndefined();
    // Whole portals and shared CDNs that third-party-web files under an ad vendor stay out.
    expect(findVendor('https://www.microsoft.com/')).toBeUndefined();
    expect(findVendor('https://a248.e.akamaihd.net/x.js')).toBeUndefined();
  });
});
