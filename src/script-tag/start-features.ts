/**
 * The start-time features of this script-tag build. The default build has none; a drop-in build
 * (`consent-gate.gcm.iife.js`) imports a module that adds its feature here before `auto.ts` runs.
 */
import type { StartFeature } from '../features';

export const startFeatures: StartFeature[] = [];
