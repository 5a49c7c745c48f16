/**
 * What the main file lends its parts. Each name here is code the first view carries anyway; the
 * script-tag build (the esbuild plugin of scripts/shared-modules.mjs) turns a part's import of one
 * of these names into a read of this object, so no part carries its own copy. Names a part needs
 * that are not here are bundled into the part as usual.
 *
 * Keep it to one `import { … } from '…'` per module: the build reads this file's imports to know
 * which module each name comes from. Every name costs the first view a few bytes (a property of
 * this object, and a constant the minifier could otherwise inline); a name the first view does
 * not already carry costs it the whole function. Share what saves a part more than that:
 * `node scripts/size.mjs` before and after.
 */
import { checkConfig } from '../config/checks';
import { compilePattern, isRegexForm, matchesPattern } from '../config/patterns';
import { findEntry } from '../cookies/scan';
import { fill } from '../core/fill';
import { randomConsentId } from '../core/record';
import { say } from '../core/wording';
import { LANGUAGES, primary } from '../i18n/language';
import { categoryText } from '../i18n/texts';
import { builder, element } from '../ui/dom';
import { icon } from '../ui/icon';

export const SHARED = {
  checkConfig,
  compilePattern,
  isRegexForm,
  matchesPattern,
  findEntry,
  fill,
  randomConsentId,
  say,
  LANGUAGES,
  primary,
  categoryText,
  builder,
  element,
  icon,
};
