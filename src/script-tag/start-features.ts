/**
 * The start-time features of this script-tag build. The default build has none; the drop-ins with
 * Google Consent Mode (`consent-gate.gcm.iife.js`, `consent-gate.full.iife.js`) import
 * ./with-google-consent-mode, which adds it here before `auto.ts` runs. Automatic blocking is not
 * one of them: its drop-ins install the interceptor as their first import (../auto-autoblock.ts).
 */
import type { StartFeature } from '../features';

export const startFeatures: StartFeature[] = [];
