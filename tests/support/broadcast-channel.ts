/** A channel as the fake window hands it out: it records what it posted and whether it closed. */
export interface FakeChannel {
  name: string;
  posted: unknown[];
  closed: boolean;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * A window whose `BroadcastChannel` is driven by the test: `channels` are those the code opened,
 * and `deliver` hands the first one a message as if another tab had posted it.
 */
export function fakeChannelView() {
  const channels: FakeChannel[] = [];
  class Channel implements FakeChannel {
    posted: unknown[] = [];
    closed = false;
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(public name: string) {
      channels.push(this);
    }
    postMessage(message: unknown) {
      this.posted.push(message);
    }
    close() {
      this.closed = true;
    }
  }
  const view = { BroadcastChannel: Channel } as unknown as Window;
  const deliver = (data: unknown = 'changed') => channels[0]!.onmessage?.({ data } as MessageEvent);
  return { view, channels, deliver };
}
