/**
 * Automatic blocking's diagnostics for site owners, run only in debug (`autoBlock: { debug:
 * true }`, and npm development builds): vendor markup that came too late to stop, and
 * third-party hosts in no category. The script tag loads them as its `autoblock-report` part.
 */
import type { Logger } from '../core/logger';
import type { Classifier } from './classify';
import type { Interceptor } from './interceptor';
import { watchLate } from './report';
import { reportUnknownHosts } from './unknown-hosts';

export function startDiagnostics(view: Window & typeof globalThis, interceptor: Interceptor, classify: Classifier, logger: Logger): void {
  watchLate(view, interceptor, logger);
  reportUnknownHosts(view, classify, logger);
}
