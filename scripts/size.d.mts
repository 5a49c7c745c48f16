export interface Sizes {
  main: number;
  parts: Record<string, number>;
  firstView: number;
  scriptTag: number;
  headless: number;
}
export const BUDGETS: Record<'firstView' | 'scriptTag' | 'headless', { name: string; limit: number; aim?: number }>;
export function measure(): Promise<Sizes>;
export function sizeTable(sizes: Sizes): string;
