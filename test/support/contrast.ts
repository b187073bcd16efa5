/** WCAG 2.x contrast between two CSS colours given as rgb()/rgba() strings (as getComputedStyle reports them). */
export function parseRgb(css: string): [number, number, number] {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!match) throw new Error(`not an rgb colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(parseRgb(foreground)), luminance(parseRgb(background))].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** AA for normal-size text (bold under 18.66px counts as normal). */
export const WCAG_AA_TEXT = 4.5;
