import { describe, expect, it } from 'vitest';
import { createCrossTab } from '../../src/integrations/cross-tab';
import { fakeChannelView as fakeView } from '../support/broadcast-channel';

describe('cross-tab sync', () => {
  it('opens one channel with the given name, announces a change on it and closes it', () => {
    const { view, channels } = fakeView();
    const crossTab = createCrossTab(view, 'consent-gate:consent_gate', () => undefined);
    crossTab.announce();
    crossTab.close();
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ name: 'consent-gate:consent_gate', posted: ['changed'], closed: true });
  });

  it('calls back on any message, whatever it says: tabs only tell each other to re-read', () => {
    const { view, deliver } = fakeView();
    let calls = 0;
    createCrossTab(view, 'c', () => calls++);
    deliver('changed');
    deliver({ allowed: ['advertising'] });
    expect(calls).toBe(2);
  });

  it('is inert where the browser has no BroadcastChannel', () => {
    const crossTab = createCrossTab({} as Window, 'c', () => undefined);
    expect(() => (crossTab.announce(), crossTab.close())).not.toThrow();
  });

  it("reaches the site's other tabs through a real channel", async () => {
    let heard = 0;
    const other = createCrossTab(window, 'consent-gate:spec', () => heard++);
    const mine = createCrossTab(window, 'consent-gate:spec', () => undefined);
    mine.announce();
    await expect.poll(() => heard).toBe(1);
    mine.close();
    other.close();
  });
});
