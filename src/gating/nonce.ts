/**
 * The page's script nonce (CSP Level 3 nonces): the one given, else the running script's, else the
 * first nonce on a script in the page. Read through `.nonce`: browsers empty the attribute
 * ("nonce hiding") so that CSS selectors and markup cannot leak it.
 */
export function pageNonce(document: Document, given?: string): string | undefined {
  if (given) return given;
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.nonce) return current.nonce;
  for (const script of Array.from(document.querySelectorAll<HTMLScriptElement>('script[nonce]'))) {
    if (script.nonce) return script.nonce;
  }
  return undefined;
}
