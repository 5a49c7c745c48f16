/**
 * The automatic-blocking script tag (`dist/consent-gate.autoblock.iife.js`): a drop-in for
 * `consent-gate.iife.js` with the same API and parts. When the page's config sets `autoBlock`,
 * the start installs the interceptor before it creates the instance (and before any later
 * script runs); the instance's consent then releases what is held.
 */
import { autoBlock } from './autoblock/script-tag';
import { startScriptTag } from './script-tag/start';

startScriptTag([autoBlock]);
