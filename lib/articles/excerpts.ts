// An excerpts-article keeps only the sentences quoted from a source page, in the order they were
// collected, joined by this separator (the first is the sentence the event was recorded from).
export const EXCERPT_SEPARATOR = "\n\n[…]\n\n";
