/**
 * How many lines a text takes when wrapped in a column, so a wrapped cell's row can be given its height (the
 * file carries no layout engine's measure). A column width counts characters of the digit "0"; Calibri's
 * letters, spaces and punctuation average about 0.85 of it (measured on the Journal's descriptions as
 * LibreOffice prints them: 75 characters fill a column 60 wide, 66 fit on one line).
 */
const TEXT_CHAR = 0.85;

/**
 * Lines a wrapped text takes in a column `width` characters wide (a character of it is padding): words are laid
 * greedily, as Excel wraps them.
 */
export function wrappedLines(text: string, width: number | undefined): number {
  const perLine = Math.max(1, Math.floor(((width ?? 8.43) - 1) / TEXT_CHAR));
  if (text.length <= perLine && !text.includes("\n")) return 1; // most cells: asked of every text cell
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else if (used === 0) {
        lines += Math.ceil(word.length / perLine) - 1; // a word longer than a line is broken
        used = word.length % perLine || perLine;
      } else {
        lines++;
        used = word.length;
        if (used > perLine) {
          lines += Math.ceil(used / perLine) - 1;
          used = used % perLine || perLine;
        }
      }
    }
  }
  return lines;
}
