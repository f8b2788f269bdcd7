// A link to the sentence that states a fact, highlighted in its article (see FactTarget).
import Link from "next/link";
import type { ReactNode } from "react";

export function quoteHref(articleId: number, factId: number) {
  return `/articles/${articleId}#fact-${factId}`;
}

export function QuoteLink({ articleId, factId, className, title, children }: { articleId: number; factId: number; className?: string; title?: string; children: ReactNode }) {
  return (
    <Link href={quoteHref(articleId, factId)} className={className} title={title}>
      {children}
    </Link>
  );
}
