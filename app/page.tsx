// Overview for the current filters: headline numbers, the timeline, totals by company, the
// CloudMatrix 384 vs GB200 NVL72 comparison and the latest events. Each widget streams on its own
// on the first visit. The boundaries are not keyed by the filters: a filter change is a transition
// that keeps the current view until the new one is ready, instead of flashing skeletons (and
// waiting out React's 300 ms throttle on revealing them).
import type { Metadata } from "next";
import { Suspense } from "react";
import { FiltersSection } from "@/components/filters/filters-section";
import { HEADLINE_HEIGHT, HeadlineNumbers } from "@/components/overview/headline-numbers";
import { LatestEventsPanel } from "@/components/overview/latest-events-panel";
import { SystemComparison } from "@/components/overview/system-comparison";
import { TimelinePanel } from "@/components/overview/timeline-panel";
import { TotalsPanel } from "@/components/overview/totals-panel";
import { Skeleton } from "@/components/skeleton";
import { TIMELINE_HEIGHT } from "@/lib/charts/dimensions";
import { parseOverlay } from "@/lib/charts/overlays";
import { firstParam, scopeFromSearchParams } from "@/lib/filters/page";
import { parseFilters, type RawSearchParams } from "@/lib/filters/schema";
import { atomFeedAlternates } from "@/lib/export/atom";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { alternates: atomFeedAlternates(parseFilters(await searchParams).filters) };
}

export default async function OverviewPage({ searchParams }: Props) {
  const params = await searchParams;
  const scope = await scopeFromSearchParams(params);
  const overlay = parseOverlay(firstParam(params, "overlay"));

  return (
    <div className="grid gap-6">
      <h1 className="sr-only">Chipwatch overview</h1>
      <Suspense fallback={<Skeleton height={140} label="filters" />}>
        <FiltersSection scope={scope} />
      </Suspense>
      <Suspense fallback={<Skeleton height={HEADLINE_HEIGHT} label="headline numbers" />}>
        <HeadlineNumbers scope={scope} />
      </Suspense>
      <Suspense fallback={<Skeleton height={TIMELINE_HEIGHT + 60} label="timeline" />}>
        <TimelinePanel scope={scope} overlay={overlay} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <Suspense fallback={<Skeleton height={160} label="chips ordered" />}>
          <TotalsPanel scope={scope} chart="orders" title="Chips ordered, by buyer" what="chip orders" />
        </Suspense>
        <Suspense fallback={<Skeleton height={160} label="stockpiles" />}>
          <TotalsPanel scope={scope} chart="stockpiles" title="Chips stockpiled, by holder" what="stockpiles" />
        </Suspense>
        <Suspense fallback={<Skeleton height={160} label="penalties" />}>
          <TotalsPanel scope={scope} chart="penalties" title="Penalties, by company" what="penalties" />
        </Suspense>
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Suspense fallback={<Skeleton height={400} label="comparison" />}>
          <SystemComparison />
        </Suspense>
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="text-lg font-semibold">
            Latest events
          </h2>
          <Suspense fallback={<Skeleton height={400} label="latest events" />}>
            <LatestEventsPanel scope={scope} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
