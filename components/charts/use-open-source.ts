"use client";
// Bar click handler shared by the comparison charts: a bar opens the sentence that states it.
import { useRouter } from "next/navigation";
import { quoteHref } from "@/components/quote-link";

type WithSources = { sources: { articleId: number; factId: number }[] };

export function useOpenFirstSource() {
  const router = useRouter();
  return (entry: unknown) => {
    const source = (entry as { payload?: WithSources }).payload?.sources[0];
    if (source) router.push(quoteHref(source.articleId, source.factId));
  };
}
