/**
 * English, the built-in language and the reference for every other locale: each key here can be
 * overridden per language with `"texts": { "<lang>": { "<key>": "…" } }`. Texts are always
 * rendered as text, never HTML. `{name}` placeholders are filled in by the interface.
 */
import firstView from '../english/first-view';
import later from '../english/later';

const en = { ...firstView, ...later };

export type Texts = typeof en;
export type TextKey = keyof Texts;
export default en;
