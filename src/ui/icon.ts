/**
 * Inline SVG icons, built with DOM APIs (never markup strings, which Trusted Types would refuse). Decorative:
 * the control that holds one carries the accessible name. Drawn with `currentColor`, so they
 * follow the theme and forced colours.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** A 24×24 line icon from path data. */
export function icon(document: Document, d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** A cookie with a bite out of it, and three chips: the settings button. */
export const COOKIE = 'M21 12a9 9 0 1 1-9-9 3 3 0 0 0 4 4 3 3 0 0 0 5 5zM8.5 9.5h0M15 15.5h0M9.5 15h0M12.5 12h0';
/** A shield: content held back until allowed. */
export const SHIELD = 'M12 3 5 6v5c0 4.4 2.9 8.3 7 10 4.1-1.7 7-5.6 7-10V6z';
