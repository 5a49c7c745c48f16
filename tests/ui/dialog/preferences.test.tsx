import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLaterTexts } from '../../../src/i18n/texts';
import type { ConsentGateConfig } from '../../../src/types';
import type { UiContext } from '../../../src/ui/context';
import { Preferences } from '../../../src/ui/dialog/preferences';
import { all, mount, onReset, renderInUi, resetPage, setup, withGpc, type Mounted } from '../support';

afterEach(resetPage);

const SITE: ConsentGateConfig = {
  privacyPolicyUrl: '/privacy',
  controller: { name: 'Example News Ltd', contact: 'privacy@example.test' },
  categories: {
    functional: {},
    analytics: { cookies: ['_ga', '/^_ga_/', { name: '_pk_id', purpose: 'Visitor ID', lifetime: '13 months', provider: 'Matomo' }] },
    advertising: { cookies: ['_fbp'], vendors: [{ name: 'Meta', domains: ['facebook.com'], privacyUrl: 'https://www.facebook.com/privacy/policy/' }] },
    social: {},
  },
};

/** Mounts the interface, opens the dialog as the banner's "Manage preferences" does, and waits for the dialog part. */
async function openDialog(config: ConsentGateConfig = SITE, before?: (mounted: Mounted) => void) {
  const mounted = mount(config);
  before?.(mounted);
  act(() => mounted.gate.showPreferences());
  const dialog = await mounted.screen.findByRole('dialog', { name: 'Cookie preferences' });
  const toggle = (id: string) => dialog.querySelector<HTMLElement>(`[data-cg="toggle"][data-category="${id}"]`)!;
  const click = (selector: string) => fireEvent.click(dialog.querySelector(`[data-cg="${selector}"]`)!);
  return { ...mounted, dialog, toggle, click };
}

describe('preferences dialog', () => {
  it('is a modal dialog named "Cookie preferences" (WCAG 4.1.2)', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    onReset(() => showModal.mockRestore());
    const { dialog } = await openDialog();
    expect(dialog.localName).toBe('dialog');
    expect(dialog.getAttribute('data-cg')).toBe('preferences');
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(showModal).toHaveBeenCalledOnce();
  });

  it('brings its own styles into the shadow root when it first opens, and only once', async () => {
    const sheets = (root: ShadowRoot) => root.adoptedStyleSheets.length + root.querySelectorAll('style').length;
    const mounted = mount(SITE);
    const firstView = sheets(mounted.shadow);
    act(() => mounted.gate.showPreferences());
    await mounted.screen.findByRole('dialog', { name: 'Cookie preferences' });
    const withDialog = sheets(mounted.shadow);
    expect(withDialog).toBeGreaterThan(firstView);
    fireEvent.click(mounted.screen.getByRole('button', { name: 'Close' }));
    act(() => mounted.gate.showPreferences());
    await mounted.screen.findByRole('dialog', { name: 'Cookie preferences' });
    expect(sheets(mounted.shadow)).toBe(withDialog);
  });

  it('moves focus to its heading when it opens (WAI-ARIA APG dialog, WCAG 2.4.3)', async () => {
    const { shadow, dialog } = await openDialog();
    expect(shadow.activeElement).toBe(dialog.querySelector('h2'));
    expect(shadow.activeElement!.textContent).toBe('Cookie preferences');
  });

  it('has one switch per optional category, named by its label (WCAG 1.3.1/4.1.2)', async () => {
    const { screen: inUi, dialog } = await openDialog();
    expect(all(dialog, '[role="switch"]').map((s) => s.getAttribute('data-category'))).toEqual(['functional', 'analytics', 'advertising', 'social']);
    for (const [id, label] of [['functional', 'Functional'], ['analytics', 'Analytics'], ['advertising', 'Advertising'], ['social', 'Social media']]) {
      const toggle = inUi.getByRole('switch', { name: label });
      expect(toggle.getAttribute('data-cg')).toBe('toggle');
      expect(toggle.getAttribute('data-category')).toBe(id);
    }
  });

  it('pre-switches nothing on a fresh opt-in visit (CJEU C-673/17 Planet49)', async () => {
    const { screen: inUi } = await openDialog();
    const switches = inUi.getAllByRole('switch');
    expect(switches).toHaveLength(4);
    for (const toggle of switches) expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('describes each switch by its category description (WCAG 1.3.1/4.1.2)', async () => {
    const { shadow, screen: inUi } = await openDialog();
    const toggle = inUi.getByRole('switch', { name: 'Advertising' });
    const description = shadow.getElementById(toggle.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toBe('Let ad networks show and measure ads, here and elsewhere.');
  });

  it('shows necessary as "Always active" text with no switch (WCAG 1.3.1/4.1.2)', async () => {
    const { dialog, screen: inUi } = await openDialog();
    const heading = inUi.getByRole('heading', { name: 'Necessary' });
    const row = heading.closest('li')!;
    expect(row.textContent).toContain('Always active');
    expect(row.querySelector('button, input, [role="switch"]')).toBeNull();
    expect(dialog.querySelector('[data-category="necessary"]')).toBeNull();
    expect(inUi.queryByRole('switch', { name: 'Necessary' })).toBeNull();
  });

  it('shows the current decision when opened after one', async () => {
    const { toggle } = await openDialog(SITE, ({ gate }) => act(() => gate.set({ analytics: true })));
    expect(toggle('analytics').getAttribute('aria-checked')).toBe('true');
    expect(toggle('advertising').getAttribute('aria-checked')).toBe('false');
  });

  it('toggling a switch changes aria-checked but records nothing until Save', async () => {
    const { gate, storage, toggle } = await openDialog();
    fireEvent.click(toggle('advertising'));
    expect(toggle('advertising').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle('advertising'));
    expect(toggle('advertising').getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle('social'));
    expect(toggle('social').getAttribute('aria-checked')).toBe('true');
    expect(gate.get()).toMatchObject({ decided: false, categories: { social: false } });
    expect(storage.values).toEqual([]);
  });

  it('Save records custom with exactly the draft and closes the dialog', async () => {
    const { gate, screen: inUi, toggle, click } = await openDialog();
    fireEvent.click(toggle('analytics'));
    fireEvent.click(toggle('social'));
    expect(inUi.getByRole('button', { name: 'Save choices' }).getAttribute('data-cg')).toBe('save');
    click('save');
    expect(gate.get()).toMatchObject({
      decided: true,
      method: 'custom',
      categories: { necessary: true, functional: false, analytics: true, advertising: false, social: true },
    });
    expect(inUi.queryByRole('dialog')).toBeNull();
  });

  it('Save can withdraw a category given earlier (GDPR Art. 7(3))', async () => {
    const { gate, toggle, click } = await openDialog(SITE, ({ gate }) => act(() => gate.acceptAll()));
    fireEvent.click(toggle('advertising'));
    click('save');
    expect(gate.get()).toMatchObject({ method: 'custom', categories: { functional: true, analytics: true, advertising: false, social: true } });
  });

  it('the first Save logs no warning: necessary is shown, not sent', async () => {
    // The draft holds every category, necessary included; passing necessary to `set` used to
    // log "necessary is not a configurable category" on every first Save.
    const { gate, logger, toggle, click } = await openDialog();
    fireEvent.click(toggle('analytics'));
    click('save');
    expect(gate.get()).toMatchObject({ decided: true, method: 'custom', categories: { necessary: true, analytics: true } });
    expect(logger.warnings).toEqual([]);
    expect(logger.errors).toEqual([]);
  });

  it('close discards the draft and, with no decision yet, brings the banner back', async () => {
    const { gate, storage, screen: inUi, toggle, click } = await openDialog();
    fireEvent.click(toggle('advertising'));
    expect(inUi.getByRole('button', { name: 'Close' }).getAttribute('data-cg')).toBe('close');
    click('close');
    expect(gate.get()).toMatchObject({ decided: false, categories: { advertising: false } });
    expect(storage.values).toEqual([]);
    expect(inUi.queryByRole('dialog')).toBeNull();
    expect(inUi.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('close after a decision keeps that decision and hides the dialog', async () => {
    const { gate, screen: inUi, toggle, click } = await openDialog(SITE, ({ gate }) => act(() => gate.rejectAll()));
    const before = gate.get();
    fireEvent.click(toggle('functional'));
    click('close');
    expect(gate.get()).toBe(before);
    expect(gate.$surface.get()).toBeNull();
    expect(inUi.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });

  it('reopening after close starts from the recorded state, not the discarded draft', async () => {
    const { gate, shadow, screen, toggle, click } = await openDialog();
    fireEvent.click(toggle('advertising'));
    click('close');
    expect(shadow.querySelector('[data-category="advertising"]')).toBeNull();
    act(() => gate.showPreferences());
    await screen.findByRole('dialog', { name: 'Cookie preferences' });
    expect(shadow.querySelector('[data-category="advertising"]')!.getAttribute('aria-checked')).toBe('false');
  });

  it('Escape (the dialog\'s cancel event) discards the draft like close (WAI-ARIA APG dialog, WCAG 2.4.3)', async () => {
    const { gate, dialog, screen: inUi, toggle } = await openDialog();
    fireEvent.click(toggle('advertising'));
    const cancel = new Event('cancel', { cancelable: true });
    act(() => {
      dialog.dispatchEvent(cancel);
    });
    expect(cancel.defaultPrevented).toBe(true);
    expect(gate.get().decided).toBe(false);
    expect(inUi.queryByRole('dialog')).toBeNull();
    expect(inUi.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('"Accept all" in the dialog allows every category, recorded as accept-all', async () => {
    const { gate, dialog, click } = await openDialog();
    expect(dialog.querySelector('[data-cg="accept-all"]')!.textContent).toBe('Accept all');
    click('accept-all');
    expect(gate.get()).toMatchObject({ method: 'accept-all', categories: { functional: true, analytics: true, advertising: true, social: true } });
  });

  it('"Reject all" in the dialog denies every category whatever the draft, recorded as reject-all', async () => {
    const { gate, dialog, toggle, click } = await openDialog();
    fireEvent.click(toggle('functional'));
    expect(dialog.querySelector('[data-cg="reject-all"]')!.textContent).toBe('Reject all');
    click('reject-all');
    expect(gate.get()).toMatchObject({ method: 'reject-all', categories: { functional: false, analytics: false, advertising: false, social: false } });
  });

  it('offers Accept all, Reject all and Save side by side, in the banner\'s order, Save outlined as "Manage" is there (11 CCR §7004)', async () => {
    const { dialog } = await openDialog();
    const actions = all(dialog, '[data-cg="save"], [data-cg="accept-all"], [data-cg="reject-all"]');
    expect(actions.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Save choices']);
    // Accept and Reject are a pair in one row, the same kind of button; Save is the other kind.
    expect(actions[0]!.parentElement).toBe(actions[1]!.parentElement);
    expect(actions[0]!.parentElement!.parentElement).toBe(actions[2]!.parentElement);
    expect(actions.map((b) => b.className)).toEqual(['', '', 'alt']);
  });

  it('announces "Your choices were saved." in a polite live region that existed before (WCAG 4.1.3)', async () => {
    const { shadow, click } = await openDialog();
    const live = shadow.querySelector('[data-cg="live"]')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');
    click('save');
    expect(shadow.querySelector('[data-cg="live"]')).toBe(live);
    expect(live.textContent).toBe('Your choices were saved.');
  });

  it('announces the save after "Accept all" or "Reject all" in the dialog too (WCAG 4.1.3)', async () => {
    const { shadow, click } = await openDialog();
    click('reject-all');
    expect(shadow.querySelector('[data-cg="live"]')!.textContent).toBe('Your choices were saved.');
  });

  it('lists each category\'s cookies and vendors in an expandable details element', async () => {
    const { screen: inUi } = await openDialog();
    const analytics = inUi.getByRole('heading', { name: 'Analytics' }).closest('li')!;
    const details = analytics.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Cookies and partners');
    expect(Array.from(details.querySelectorAll('code'), (code) => code.textContent)).toEqual(['_ga', '_ga_*', '_pk_id']);
    expect(details.textContent).toContain('_pk_id · Matomo · Visitor ID · 13 months');

    const advertising = inUi.getByRole('heading', { name: 'Advertising' }).closest('li')!;
    const vendor = advertising.querySelector('details a')!;
    expect(vendor.textContent).toBe('Meta');
    expect(vendor.getAttribute('href')).toBe('https://www.facebook.com/privacy/policy/');
    expect(vendor.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('names the built-in catalogue\'s vendor of a declared cookie, as the cookie table does (GDPR Art. 13)', async () => {
    // `_fbp` is declared without a provider; the catalogue knows it as Meta's, and the
    // declaration table (cookie-rows.ts, "shared by the dialog and the declaration table") shows it.
    const { screen: inUi } = await openDialog({ categories: { advertising: { cookies: ['_fbp'] } } });
    const advertising = inUi.getByRole('heading', { name: 'Advertising' }).closest('li')!;
    // Providers come from the catalogue, which is read after the dialog opens.
    await waitFor(() => expect(advertising.querySelector('details')!.textContent).toContain('_fbp · Meta'));
  });

  it('has no details for a category without cookies or vendors', async () => {
    const { screen: inUi } = await openDialog();
    expect(inUi.getByRole('heading', { name: 'Functional' }).closest('li')!.querySelector('details')).toBeNull();
  });

  it('shows the controller\'s name and contact and the privacy policy link (GDPR Art. 13)', async () => {
    const { dialog, screen: inUi } = await openDialog();
    expect(dialog.textContent).toContain('Responsible: Example News Ltd (privacy@example.test)');
    expect(inUi.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
  });

  it('shows neither controller line nor link when the site configures neither', async () => {
    const { dialog } = await openDialog({ categories: { advertising: {} } });
    expect(dialog.textContent).not.toContain('Responsible');
    expect(dialog.querySelector('a')).toBeNull();
  });

  it('names categories by their configured label and description', async () => {
    const { screen: inUi } = await openDialog({ categories: { advertising: { label: 'Partner ads', description: 'Ads from our partners.' }, chat: { label: 'Live chat' } } });
    const toggle = inUi.getByRole('switch', { name: 'Partner ads' });
    expect(toggle.getAttribute('data-category')).toBe('advertising');
    expect(toggle.closest('li')!.textContent).toContain('Ads from our partners.');
    expect(inUi.getByRole('switch', { name: 'Live chat' }).getAttribute('data-category')).toBe('chat');
  });
});

describe('preferences dialog and Global Privacy Control', () => {
  const OPT_OUT: ConsentGateConfig = { mode: 'opt-out', categories: { functional: {}, advertising: {}, social: {} } };

  it('honours GPC in opt-out mode without a banner, and says so with advertising and social off (11 CCR §7025(c)(6))', async () => {
    withGpc();
    const mounted = mount(OPT_OUT);
    expect(mounted.screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(mounted.gate.get()).toMatchObject({ method: 'gpc', gpc: true });
    act(() => mounted.gate.showPreferences());
    const dialog = await mounted.screen.findByRole('dialog', { name: 'Cookie preferences' });
    expect(dialog.textContent).toContain('Opt-out preference signal honored');
    expect(mounted.screen.getByRole('switch', { name: 'Advertising' }).getAttribute('aria-checked')).toBe('false');
    expect(mounted.screen.getByRole('switch', { name: 'Social media' }).getAttribute('aria-checked')).toBe('false');
    expect(mounted.screen.getByRole('switch', { name: 'Functional' }).getAttribute('aria-checked')).toBe('true');
  });

  it('lets the visitor switch a GPC-denied category back on explicitly, recorded as custom with GPC noted', async () => {
    withGpc();
    const mounted = mount(OPT_OUT);
    act(() => mounted.gate.showPreferences());
    fireEvent.click(await mounted.screen.findByRole('switch', { name: 'Social media' }));
    fireEvent.click(mounted.screen.getByRole('button', { name: 'Save choices' }));
    expect(mounted.gate.get()).toMatchObject({ method: 'custom', gpc: true, categories: { social: true, advertising: false } });
  });

  it('says nothing about the signal without GPC', async () => {
    const { dialog } = await openDialog(OPT_OUT);
    expect(dialog.textContent).not.toContain('Opt-out preference signal honored');
  });

  it('says nothing about the signal in opt-in mode, where GPC grants nothing', async () => {
    withGpc();
    const { dialog, screen: inUi } = await openDialog({ categories: { functional: {}, advertising: {} } });
    expect(dialog.textContent).not.toContain('Opt-out preference signal honored');
    for (const toggle of inUi.getAllByRole('switch')) expect(toggle.getAttribute('aria-checked')).toBe('false');
  });
});

describe('preferences dialog without HTMLDialogElement.showModal', () => {
  /** The context the dialog part renders in: the first view's texts with the dialog's English under them. */
  const inDialog = (ui: UiContext): UiContext => ({ ...ui, texts: withLaterTexts(ui.texts) });

  function withoutShowModal(): void {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLDialogElement.prototype, 'showModal')!;
    delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
    onReset(() => Object.defineProperty(HTMLDialogElement.prototype, 'showModal', descriptor));
  }

  it('renders without throwing and its controls still work', () => {
    withoutShowModal();
    const { gate, ui } = setup({ categories: { advertising: {} } });
    const onSaved = vi.fn();
    renderInUi(inDialog(ui), <Preferences onClose={() => undefined} onSaved={onSaved} />);
    const dialog = document.querySelector('[data-cg="preferences"]')!;
    fireEvent.click(dialog.querySelector('[data-category="advertising"]')!);
    fireEvent.click(dialog.querySelector('[data-cg="save"]')!);
    expect(gate.get()).toMatchObject({ method: 'custom', categories: { advertising: true } });
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it('is still shown (open) when showModal is missing', () => {
    withoutShowModal();
    const { ui } = setup({ categories: { advertising: {} } });
    renderInUi(inDialog(ui), <Preferences onClose={() => undefined} onSaved={() => undefined} />);
    expect((document.querySelector('[data-cg="preferences"]') as HTMLDialogElement).open).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
  });
});
