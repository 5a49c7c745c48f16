export function sriSnippet(sri: { integrity: Record<string, string> }): string;
export function sizeTable(results: Array<{ name: string; size: number; sizeLimit: number }>): string;
export function replaceBetween(text: string, marker: string, content: string): string;
