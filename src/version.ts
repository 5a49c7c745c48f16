/** The library's version, written in by the builds (consent records carry it). */
declare const __CONSENT_GATE_VERSION__: string | undefined;

export const VERSION: string = typeof __CONSENT_GATE_VERSION__ === 'string' ? __CONSENT_GATE_VERSION__ : '0.0.0-dev';
