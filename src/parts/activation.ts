/** Part `activation`: running allowed elements, loaded on the first one (at once for a returning visitor). */
export { createActivator } from '../gating/activation';
