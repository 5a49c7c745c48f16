/**
 * Loads the script tag's parts from `parts/` next to the script, as `<script>` elements with
 * the integrity hash from the build and the page's nonce, so a part runs only if it is exactly
 * the file this build made. A part announces itself through `consentGatePart(name, exports)`,
 * and reads the code it shares with the main file from `consentGatePart.shared` (./shared).
 */
import { cachedLoader, type PartLoader, type PartName } from '../parts/loader';
import { scriptTrust } from '../gating/trusted-types';
import { builtFile } from './manifest';
import { SHARED } from './shared';

type Registry = ((name: string, exports: unknown) => void) & { shared: typeof SHARED };

export function scriptPartLoader(document: Document, base: string, nonce: string | undefined): PartLoader {
  const view = document.defaultView as Window & { consentGatePart?: Registry };
  const waiting = new Map<string, (exports: unknown) => void>();
  view.consentGatePart = Object.assign((name: string, exports: unknown) => waiting.get(name)?.(exports), { shared: SHARED });

  return cachedLoader(
    (name: PartName) =>
      new Promise((resolve, reject) => {
        const built = builtFile('parts', name);
        if (!built) {
          reject(new Error(`this build has no "${name}" part`));
          return;
        }
        const url = base + built.file;
        const script = document.createElement('script');
        const fail = () => {
          waiting.delete(name);
          script.remove();
          reject(new Error(`could not load ${url} (offline, blocked, or not the file this build made)`));
        };
        waiting.set(name, (exports) => {
          waiting.delete(name);
          resolve(exports);
        });
        script.addEventListener('error', fail);
        // Loaded but never announced itself: not our part.
        script.addEventListener('load', () => waiting.has(name) && fail());
        script.integrity = built.integrity;
        script.crossOrigin = 'anonymous';
        if (nonce) script.nonce = nonce;
        script.src = scriptTrust(view).url(url);
        document.head.append(script);
      }),
  );
}
