/**
 * Words for the console. Production bundles carry only the codes (`unknown-category {"id":"ads"}`),
 * development builds the sentences of `./wording-en`; the script tag words its codes through
 * the `messages` part when one is logged.
 */
import { fill } from './fill';
import { WORDING, type MessageCode } from './wording-en';

/** A console message: full words in development builds, the code and its values in production ones. */
export function say(code: MessageCode, values?: Record<string, string>): string {
  try {
    if (process.env.NODE_ENV !== 'production') return fill(WORDING[code], values ?? {});
  } catch {
    // No bundler replaced process.env and there is no `process`: a production page.
  }
  return values ? `${code} ${JSON.stringify(values)}` : code;
}

/** Words a production message (`code {values}`); anything else is returned as it is. */
export function word(message: string): string {
  const match = /^([a-z-]+)(?: (\{.*\}))?$/.exec(message);
  const wording = match && Object.prototype.hasOwnProperty.call(WORDING, match[1]!) ? WORDING[match[1] as MessageCode] : undefined;
  if (!wording) return message;
  try {
    return fill(wording, match![2] ? (JSON.parse(match![2]) as Record<string, string>) : {});
  } catch {
    return message;
  }
}
