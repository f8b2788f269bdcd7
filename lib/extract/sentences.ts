// Sentence boundaries with offsets. Abbreviations ("U.S.", "Inc.", "Jan.") and decimals ("8.2")
// do not end a sentence; line breaks (headlines, paragraphs) always do.

export type Sentence = { text: string; start: number; end: number };

const ABBREVIATIONS =
  /\b(?:U\.S|U\.K|U\.N|E\.U|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|vs|etc|e\.g|i\.e|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Dept|Fig|al)\.$/i;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n") {
      push(i);
      continue;
    }
    if (char !== "." && char !== "!" && char !== "?") continue;
    const next = text.slice(i + 1, i + 3);
    if (!/^(?:[”"’')\]]?\s|[”"’')\]]?$)/.test(next) && i + 1 < text.length) continue;
    if (char === "." && ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i + 1))) {
      // "U.S. officials" continues; "… in the U.S. The next" would need a capital check we skip.
      continue;
    }
    let end = i + 1;
    while (/[”"’')\]]/.test(text[end] ?? "")) end++;
    push(end);
  }
  push(text.length);
  return sentences;
}
