// A bar chart's category names on a narrow axis (pure, so it is tested without a browser).

// About how wide a character of the 12 px axis font is, to wrap names without measuring them.
const CHARACTER_PX = 6.6;

/** A name's lines for a band of `width` px: broken at spaces, and after hyphens when a word is too long alone. */
export function wrapCategory(name: string, width: number): string[] {
  const fits = (text: string) => text.length * CHARACTER_PX <= width;
  const pieces = name.split(" ").flatMap((word) => (fits(word) ? [word] : word.split(/(?<=-)/)));
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    const joined = last === undefined ? piece : last.endsWith("-") ? `${last}${piece}` : `${last} ${piece}`;
    if (last !== undefined && fits(joined)) lines[lines.length - 1] = joined;
    else lines.push(piece);
  }
  return lines;
}
