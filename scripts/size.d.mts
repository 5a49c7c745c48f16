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
