/** CloudFormation's own limit for a template body uploaded through S3. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Deeper than any real template; keeps the recursive composer far from the stack limit. */
export const MAX_NESTING = 200;
/** Alias dereferences allowed while reading one document (billion-laughs guard). */
export const MAX_ALIAS_DEREFS = 1000;

/**
 * Estimates the nesting depth of a YAML/JSON text in one linear pass, before any parser runs.
 * Flow depth counts open brackets outside quotes and comments; block depth counts the
 * indentation levels open at each line plus compact `- - -` runs. It may over-estimate
 * (block scalar bodies), never under-estimate, which is what a guard needs.
 */
export function estimateNesting(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // start of a line
    let col = 0;
    while (i < n && text[i] === ' ') {
      i++;
      col++;
    }
    if (flow === 0 && i < n && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#') {
      while (indents.length && indents[indents.length - 1]! > col) indents.pop();
      if (!indents.length || indents[indents.length - 1]! < col) indents.push(col);
      let dashes = 0;
      while (i < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (i < n && text[i] === ' ') i++;
      }
      if (indents.length + dashes > max) max = indents.length + dashes;
    }
    // rest of the line
    while (i < n && text[i] !== '\n') {
      const c = text[i]!;
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if (c === '"' || c === "'") {
        const prev = i > 0 ? text[i - 1]! : ' ';
        // only a quote that starts a scalar opens a quoted string
        if (' \t[{,:-'.includes(prev) || flow > 0) {
          i++;
          while (i < n) {
            if (c === '"' && text[i] === '\\') i += 2;
            else if (text[i] === c) {
              if (c === "'" && text[i + 1] === "'") i += 2;
              else break;
            } else i++;
          }
        }
      } else if (c === '[' || c === '{') {
        flow++;
        const depth = flow + indents.length;
        if (depth > max) max = depth;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      i++;
    }
    i++;
  }
  return max;
}
