// A link to the sentence that states a fact, highlighted in its article. A plain <a>, not
// next/link: only a real navigation sets the URL fragment as :target, which draws the highlight.
import type { ReactNode } from "react";

export function QuoteLink({ articleId, factId, className, title, children }: { articleId: number; factId: number; className?: string; title?: string; children: ReactNode }) {
  return (
    <a href={`/articles/${articleId}#fact-${factId}`} className={className} title={title}>
      {children}
    </a>
  );
}
