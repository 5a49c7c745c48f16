/**
 * Cross-tab sync: a decision made in one tab applies in the site's other open tabs without a
 * reload. The cookie stays the source of truth (a server reads it on the first request, and it
 * covers every subdomain it is set for; web storage does neither); tabs only tell each other to
 * re-read it, so a hostile message can at most trigger a re-read.
 */
export interface CrossTab {
  /** Tells the other tabs that the stored decision changed. */
  announce(): void;
  close(): void;
}

export function createCrossTab(view: Window, channelName: string, onChange: () => void): CrossTab {
  const Channel = (view as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (!Channel) return { announce: () => undefined, close: () => undefined };
  const channel = new Channel(channelName);
  channel.onmessage = () => onChange();
  return {
    announce: () => channel.postMessage('changed'),
    close: () => channel.close(),
  };
}
