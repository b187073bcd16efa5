/** Button values and private_metadata are JSON we wrote, but they come back from outside: unreadable is undefined. */
export function parseJsonText(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
