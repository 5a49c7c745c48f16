export interface Sizes {
  main: number;
  parts: Record<string, number>;
  firstView: number;
  scriptTag: number;
  headless: number;
  /** The autoblock drop-in minus the main file, without the vendor catalogue. */
  interceptor: number;
  /** The vendor catalogue's share of the autoblock drop-in. */
  vendorCatalogue: number;
  /** The gcm drop-in minus the main file. */
  consentMode: number;
}
export const BUDGETS: Record<'firstView' | 'scriptTag' | 'headless' | 'interceptor' | 'consentMode', { name: string; limit: number; aim?: number }>;
export function measure(): Promise<Sizes>;
export function sizeTable(sizes: Sizes): string;
/** Every shipped file's gzip size in bytes, by a name without its content hash, plus `headless`. */
export function shippedFiles(sizes: Sizes): Record<string, number>;
/** One line per file that grew past its recorded figure or has none. */
export function regressions(files: Record<string, number>, recorded: Record<string, number>): string[];
