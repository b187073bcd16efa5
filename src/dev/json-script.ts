/**
 * JSON for a `<script type="application/json">` block. `<`, `>` and `&` become \u escapes so a
 * value holding `</script>` or `<!--` cannot end the block; JSON.parse reads them back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
