"use client";
// Chooses the numeric series laid under the timeline; kept in the URL (?overlay=orders).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TIMELINE_OVERLAYS, type TimelineOverlay } from "@/lib/charts/overlays";

export function OverlayPicker({ current }: { current: TimelineOverlay | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (
    <label className="mt-2 inline-flex items-center gap-2 text-xs">
      Overlay
      <select
        value={current ?? ""}
        onChange={(event) => {
          const params = new URLSearchParams(searchParams);
          if (event.target.value) params.set("overlay", event.target.value);
          else params.delete("overlay");
          router.push(`${pathname}?${params}`, { scroll: false });
        }}
        className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
      >
        <option value="">none</option>
        {Object.entries(TIMELINE_OVERLAYS).map(([key, overlay]) => (
          <option key={key} value={key}>
            {overlay.label}
          </option>
        ))}
      </select>
    </label>
  );
}
