// The proof obligation for the few JavaScript (backtracking) regexes the detectors still run
// over a whole prompt: no open-ended repeat (*, +, {n,}). With every repeat bounded and every
// lookbehind of bounded width, a match attempt at one position explores a bounded number of
// paths, so a scan is linear in the text. Tests run this over each such pattern's source.

/** The open-ended repeats in a regex source, outside character classes and escapes. */
export function openEndedRepeats(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "*" || char === "+") found.push(`${char} at ${i}`);
    else if (char === "{") {
      const repeat = /^\{\d+,\}/.exec(source.slice(i));
      if (repeat !== null) found.push(`${repeat[0]} at ${i}`);
    }
  }
  return found;
}
