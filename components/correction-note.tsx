// "Corrected on 1 Dec 2026: value was 559, now 600 — “reason” (editor)": a correction on the
// record, under the event or fact it changed, with the earlier value kept in view.
import { formatPartialDate } from "@/lib/events/partial-date";
import { fieldLabel, formatStoredValue, type RevisionRow } from "@/lib/revisions/queries";

export function CorrectionNote({ revision }: { revision: RevisionRow }) {
  const day = formatPartialDate(new Date(revision.changedAt), "day");
  return (
    <p className="mt-1 text-xs text-amber-800 dark:text-amber-300" data-testid="correction">
      {revision.action === "delete" ? "Deleted" : "Corrected"} on <time dateTime={revision.changedAt}>{day}</time>:{" "}
      {revision.changes
        .map((change) => `${fieldLabel(change.field)} was ${formatStoredValue(change.field, change.before)}, now ${formatStoredValue(change.field, change.after)}`)
        .join("; ")}
      {revision.reason && <> — “{revision.reason}”</>}
      {revision.editor && <> ({revision.editor})</>}
    </p>
  );
}
