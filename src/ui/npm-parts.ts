/** The npm build's parts: dynamic imports that bundlers split into chunks of their own. */
import { cachedLoader, type PartLoader, type PartName } from '../parts/loader';

const imports: Record<PartName, () => Promise<unknown>> = {
  activation: () => import('../parts/activation'),
  dialog: () => import('../parts/dialog'),
  placeholders: () => import('../parts/placeholders'),
  'cookie-table': () => import('../parts/cookie-table'),
  catalogue: () => import('../parts/catalogue'),
  messages: () => import('../parts/messages'),
  log: () => import('../parts/log'),
  'autoblock-report': () => import('../parts/autoblock-report'),
  'reload-notice': () => import('../parts/reload-notice'),
};

export function npmParts(): PartLoader {
  return cachedLoader((name) => imports[name]());
}
