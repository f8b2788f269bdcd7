// The kind of a source, beside its link ("news", "primary", "trade press"…), with the long name on
// hover; lib/sources/kinds.ts decides the kind.
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";

export function SourceKindTag({ kind }: { kind: SourceKind | null }) {
  const label = SOURCE_KIND_LABELS[kind ?? "other"];
  return (
    <span
      data-testid="source-kind"
      title={label.long}
      className="ml-1 inline-block rounded border border-zinc-300 px-1 align-baseline text-[0.7rem] font-normal leading-4 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300"
    >
      {label.short}
    </span>
  );
}
