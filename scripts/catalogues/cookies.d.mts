/** One hand-made entry as the generator reads it: the pattern as written (`name` or `/regex/`). */
export interface HandMadeEntry {
  pattern: string;
  category: string;
  vendor: string;
  purpose: string;
  lifetime?: string;
  source: 'hand-made';
}

/** The entries of data/cookies.curated.txt. @throws on a line that is not in the table's format */
export function parseHandMade(text: string): HandMadeEntry[];
