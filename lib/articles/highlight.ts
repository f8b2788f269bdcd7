// Splits an article's text into runs for inline highlighting: each run knows which facts quote it.
// Overlapping quotes ("$8.2 million per 16-rack supernode" around "16-rack supernode") nest cleanly.

export type QuotedSpan = { id: number; start: number; end: number };
export type TextRun = { text: string; start: number; factIds: number[]; startsFacts: number[] };

export function splitIntoRuns(text: string, spans: QuotedSpan[]): TextRun[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = valid.filter((span) => span.start <= start && span.end >= end);
    runs.push({
      text: text.slice(start, end),
      start,
      factIds: covering.map((span) => span.id),
      startsFacts: covering.filter((span) => span.start === start).map((span) => span.id),
    });
  }
  return runs;
}
