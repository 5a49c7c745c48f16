/** Filling `{name}` placeholders in texts and console messages. */
/** Fills `{name}` placeholders with values; unknown placeholders stay as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole));
}
