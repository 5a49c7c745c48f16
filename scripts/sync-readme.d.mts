export function sriSnippet(sri: { integrity: Record<string, string> }): string;
export function replaceBetween(text: string, marker: string, content: string): string;
