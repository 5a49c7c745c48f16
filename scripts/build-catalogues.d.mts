/** Where each generated file goes, relative to the repository root. */
export const OUTPUTS: {
  vendorsModule: string;
  cookiesModule: string;
  vendorsFull: string;
  cookiesFull: string;
};
/** Builds every generated file in memory: path relative to `root` → content. */
export function generateCatalogues(root?: string): Record<string, string>;
