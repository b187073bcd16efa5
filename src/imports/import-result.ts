/** A row that could not be imported: its line in the file (header is row 1) and why, in words. */
export interface RowError {
  row: number;
  reason: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** People marked inactive because a full roster no longer lists them. */
  deactivated?: number;
}

/** What the person should know besides the counts: unused columns and reader decisions. */
export interface ImportRemarks {
  ignored?: string[];
  notes?: string[];
}

export type ImportResult =
  | ({ ok: true; counts: ImportCounts; errors: RowError[] } & ImportRemarks)
  /** Nothing was written: the file has bad rows and `skipBad` was not asked for. */
  | ({ ok: false; message: string; errors: RowError[] } & ImportRemarks);

export interface ImportOptions {
  /** Import the good rows and list the bad ones, instead of refusing the whole file. */
  skipBad?: boolean;
  /** Check and count what would change, writing nothing (a file sent to the bot, before Import is pressed). */
  dryRun?: boolean;
  /** Called as rows are written: done of total. */
  onProgress?: (done: number, total: number) => void;
}
