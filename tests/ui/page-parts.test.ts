import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { mount, page, partsWithout, resetPage, spiedParts, takeWarnings } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { categories: { advertising: { cookies: ['_fbp'] }, social: {} } };
const VIDEO = '<iframe id="video" data-consent="social" data-src="https://video.example/embed/1"></iframe>';
const TAG = '<script type="text/plain" data-consent="advertising" data-src="https://ads.example.net/tag.js"></script>';

/** Lets pending promises (a part that would load) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('placeholders are a part, loaded only when something blocked wants one', () => {
  it('is never loaded on a page whose only gated element is a script', async () => {
    page(TAG);
    const parts = spiedParts();
    const { gate } = mount(SITE, { parts });
    expect(gate.$blocked.get().map((entry) => entry.element.localName)).toEqual(['script']);
    await settle();
    expect(parts).not.toHaveBeenCalledWith('placeholders');
  });

  it('is never loaded when every blocked embed refuses a placeholder', async () => {
    page('<iframe data-consent="social" data-consent-placeholder="off" data-src="https://video.example/embed/1"></iframe>');
    const parts = spiedParts();
    mount(SITE, { parts });
    await settle();
    expect(parts).not.toHaveBeenCalledWith('placeholders');
  });

  it('is loaded once for a page with blocked embeds, and draws their placeholders', async () => {
    page(TAG + VIDEO + '<iframe id="map" data-consent="social" data-src="https://maps.example.org/embed"></iframe>');
    const parts = spiedParts();
    mount(SITE, { parts });
    expect(parts).toHaveBeenCalledWith('placeholders');
    await waitFor(() => expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(2));
    expect(parts.mock.calls.filter(([name]) => name === 'placeholders')).toHaveLength(1);
  });

  it('is loaded when an embed that wants one is added to the page later', async () => {
    page(TAG);
    const parts = spiedParts();
    mount(SITE, { parts });
    await settle();
    expect(parts).not.toHaveBeenCalledWith('placeholders');
    page(VIDEO);
    await waitFor(() => expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull());
    expect(parts).toHaveBeenCalledWith('placeholders');
  });

  it('when it cannot be loaded, the embeds stay blocked and one warning is logged', async () => {
    page(VIDEO + '<iframe id="map" data-consent="social" data-src="https://maps.example.org/embed"></iframe>');
    const { gate, logger, screen } = mount(SITE, { parts: partsWithout('placeholders') });
    await waitFor(() => expect(logger.warnings).toHaveLength(1));
    expect(takeWarnings(logger)).toEqual([[expect.stringMatching(/placeholders.*could not be loaded/), expect.any(Error)]]);
    expect(document.getElementById('video')!.hasAttribute('src')).toBe(false);
    expect(document.getElementById('map')!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    // The banner is unaffected, and allowing the category still loads the embeds.
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(gate.get()).toMatchObject({ decided: true, method: 'accept-all' });
    expect(document.getElementById('video')!.getAttribute('src')).toBe('https://video.example/embed/1');
    await settle();
    expect(logger.warnings).toEqual([]);
  });
});

describe('the cookie table is a part, loaded only when the page has a [data-consent-cookie-table]', () => {
  it('is never loaded on a page without one', async () => {
    page('<main><h2>Cookies we use</h2><p>See the table on the privacy page.</p></main>');
    const parts = spiedParts();
    mount(SITE, { parts });
    await settle();
    expect(parts).not.toHaveBeenCalledWith('cookie-table');
  });

  it('is loaded for a page with one, and draws the table there', async () => {
    page('<main><div id="declaration" data-consent-cookie-table></div></main>');
    const parts = spiedParts();
    mount(SITE, { parts });
    expect(parts).toHaveBeenCalledWith('cookie-table');
    await waitFor(() => expect(document.querySelector('#declaration table')).not.toBeNull());
  });

  it('when it cannot be loaded, the page and the banner carry on and one warning is logged', async () => {
    page('<main><div id="declaration" data-consent-cookie-table></div></main>');
    const { logger, screen } = mount(SITE, { parts: partsWithout('cookie-table') });
    await waitFor(() => expect(logger.warnings).toHaveLength(1));
    expect(takeWarnings(logger)).toEqual([[expect.stringMatching(/cookie.table.*could not be loaded/), expect.any(Error)]]);
    expect(document.querySelector('#declaration table')).toBeNull();
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });
});
