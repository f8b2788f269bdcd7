// A link to the sentence that states a fact, highlighted in its article (see FactTarget).
import { SourceKindTag } from "@/components/source-kind";
import Link from "next/link";
import type { ReactNode } from "react";
import type { SourceKind } from "@/lib/generated/prisma/enums";

export function quoteHref(articleId: number, factId: number) {
  return `/articles/${articleId}#fact-${factId}`;
}

export function QuoteLink({
  articleId,
  factId,
  className,
  title,
  sourceLink,
  children,
}: {
  articleId: number;
  factId: number;
  className?: string;
  title?: string;
  /** The link names the source (its kind follows it), not the quote. */
  sourceLink?: boolean;
  children: ReactNode;
}) {
  return (
    <Link href={quoteHref(articleId, factId)} className={className} title={title} data-source-link={sourceLink || undefined}>
      {children}
    </Link>
  );
}

/** "capacitymedia.com, Aiwire": each source linked to the sentence it was quoted from. */
export function SourceLinks({ sources }: { sources: { factId: number; articleId: number; outlet: string | null; sourceKind: SourceKind | null; quote: string }[] }) {
  return sources.map((source, index) => (
    <span key={source.factId}>
      {index > 0 && ", "}
      <QuoteLink
        articleId={source.articleId}
        factId={source.factId}
        className="text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
        title={source.quote}
        sourceLink
      >
        {source.outlet ?? "source"}
      </QuoteLink>
      <SourceKindTag kind={source.sourceKind} />
    </span>
  ));
}
