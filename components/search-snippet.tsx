// The passage that made a search result match, its matched words highlighted. The database marks
// them with \u0001 … \u0002 (lib/filters/scope.ts, searchSnippetSql); the text is never parsed as
// HTML, so a quote cannot inject markup.
export function SearchSnippet({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/);
  return (
    <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300" data-testid="search-snippet">
      {parts.map((part, index) =>
        part.startsWith("\u0001") ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-zinc-900 dark:bg-amber-900/60 dark:text-amber-50">
            {part.slice(1, -1)}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </p>
  );
}
