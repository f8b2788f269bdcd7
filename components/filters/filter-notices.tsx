// Tells the user which URL values were ignored and why — never a crash, never a silent drop.
import type { FilterNotice } from "@/lib/filters/schema";

export function FilterNotices({ notices, addedSubsidiaries }: { notices: FilterNotice[]; addedSubsidiaries: string[] }) {
  if (notices.length === 0 && addedSubsidiaries.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {notices.length > 0 && (
        <>
          <p className="font-medium">Some filter values were ignored:</p>
          <ul className="list-inside list-disc">
            {notices.map((notice, index) => (
              <li key={`${notice.key}-${index}`}>
                <code>
                  {notice.key}={notice.value}
                </code>
                : {notice.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {addedSubsidiaries.length > 0 && <p>Including subsidiaries: {addedSubsidiaries.join(", ")}.</p>}
    </div>
  );
}
