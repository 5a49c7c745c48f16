/**
 * The automatic-blocking script tag (`dist/consent-gate.autoblock.iife.js`): a drop-in for
 * `consent-gate.iife.js` with the same API and parts. Its first import installs the interceptor
 * (module order is evaluation order), then the usual script tag starts, and the blocker follows
 * the instance's consent.
 */
import { blocker } from './autoblock/script-tag';
import './auto';

if (blocker && window.consentGate) blocker.connect(window.consentGate);
