// A tiny, escaping SVG writer: exported charts are built as strings so the same code runs in the
// browser (download) and on the server (image routes) without React or a DOM.

type Attributes = Record<string, string | number | undefined | null | false>;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!);
}

export function el(tag: string, attributes: Attributes = {}, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  return children.length ? `<${tag}${attrs}>${children.join("")}</${tag}>` : `<${tag}${attrs}/>`;
}

export function text(content: string, attributes: Attributes = {}): string {
  return el("text", attributes, escapeXml(content));
}

/** Rounds coordinates so the SVG stays small and byte-stable across platforms. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Cuts text to fit a width, estimated from the font's average advance (~0.55 em for Geist).
 * Used where a label must not overflow into the plot.
 */
export function fitText(content: string, maxWidth: number, fontSize: number): string {
  const maxChars = Math.floor(maxWidth / (fontSize * 0.55));
  return content.length <= maxChars ? content : `${content.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** Splits text into lines that fit a width (same estimate), at most `maxLines`, the last cut with "…". */
export function wrapText(content: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const maxChars = Math.floor(maxWidth / (fontSize * 0.55));
  const lines: string[] = [];
  let current = "";
  for (const word of content.split(/\s+/)) {
    if (!current) current = word;
    else if (`${current} ${word}`.length <= maxChars) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`, maxWidth, fontSize);
  return kept;
}
