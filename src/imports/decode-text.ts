/**
 * Turns a file's bytes into text. MIS exports are UTF-8 (often with a byte-order mark), UTF-16
 * ("Unicode text" from Excel) or Windows-1252 (older SIMS reports: "O’Neill", "Zoë"); reading
 * the last as UTF-8 would garble names, so invalid UTF-8 is read as Windows-1252.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** 0x80–0x9F in Windows-1252 (Node's TextDecoder reads them as Latin-1 control characters). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/**
 * A spreadsheet saved as a workbook rather than CSV is the commonest wrong file: say so plainly
 * instead of reporting garbled headings. Undefined when the bytes may be text.
 */
export function workbookInsteadOfText(bytes: Uint8Array): string | undefined {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const oldExcel = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!zip && !oldExcel) return undefined;
  return 'This is a spreadsheet workbook (.xlsx, .xls or .ods), not a CSV file: open it and save it as "CSV UTF-8 (comma delimited)", then import that file.';
}
