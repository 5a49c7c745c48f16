/** Adds Google Consent Mode to the script tag's start-time features (the `gcm` drop-in build). */
import { googleConsentMode } from '../integrations/google-consent-mode';
import { startFeatures } from './start-features';

startFeatures.push(googleConsentMode());
