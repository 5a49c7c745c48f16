/**
 * The script-tag build (`dist/consent-gate.iife.js`), with no start-time feature. With the
 * drop-in entries (`auto-*.ts`), the only files with side effects at load. It carries the first
 * view only; parts and locales are fetched from its own directory when a page or a visitor
 * needs them.
 */
import { startScriptTag } from './script-tag/start';

startScriptTag([]);
