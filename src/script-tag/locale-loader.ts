/**
 * Loads a locale for the script tag: `locales/<lang>.<hash>.json` next to the script, checked
 * against the build's sha256. A file that is not an object of strings is refused (hostile or
 * broken input never reaches the interface).
 *
 * The file is fetched without `integrity` and its digest compared here: with `integrity`, a
 * missing file's 404 page fails the Subresource Integrity check too, and the browser's "The
 * resource has been blocked" reads like an attack when the site only forgot to copy a folder.
 * Where `crypto.subtle` is missing (a page served over plain http), a second fetch with
 * `integrity` lets the browser check it (usually from its cache).
 */
import { say } from '../core/wording';
import type { LocaleLoader } from '../i18n/load-locale';
import type { Texts } from '../i18n/locales/en';
import { builtFile } from './manifest';

/** Whether a fetched locale is an object of texts (anything else is refused: hostile or broken input). */
export function isLocaleTexts(value: unknown): value is Partial<Texts> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((text) => typeof text === 'string');
}

/** A locale that could not be used, with the whole console message as its message. */
function failure(message: string): Error {
  const error = new Error(message);
  error.name = 'LocaleError';
  return error;
}

async function sha256(bytes: ArrayBuffer): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  return btoa(String.fromCharCode(...new Uint8Array(await subtle.digest('SHA-256', bytes))));
}

export function scriptLocaleLoader(base: string): LocaleLoader {
  return async (language) => {
    const built = builtFile('locales', language);
    if (!built) throw new Error(`this build has no "${language}" locale`);
    const url = base + built.file;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw failure(say('locale-missing', { file: built.file, status: String(response.status), base }));
    let bytes = await response.arrayBuffer();
    const digest = await sha256(bytes);
    if (digest === undefined) bytes = await (await fetch(url, { credentials: 'same-origin', integrity: built.integrity })).arrayBuffer();
    else if (`sha256-${digest}` !== built.integrity) throw failure(say('locale-mismatch', { file: built.file, base }));
    const texts: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!isLocaleTexts(texts)) throw new Error('the locale file is not an object of texts');
    return texts;
  };
}
