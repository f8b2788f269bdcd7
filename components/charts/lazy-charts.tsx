"use client";
// The charts, server-rendered as always but with their code (Recharts, about 110 kB gzipped)
// loaded after the page has become interactive: the first load of a dashboard page carries the
// filters and links, and the charts hydrate a moment later. Their server HTML shows meanwhile.
import dynamic from "next/dynamic";

export const TimelineChart = dynamic(() => import("@/components/charts/timeline-chart").then((m) => m.TimelineChart));
export const TotalsChart = dynamic(() => import("@/components/charts/totals-chart").then((m) => m.TotalsChart));
export const CompareChart = dynamic(() => import("@/components/charts/compare-chart").then((m) => m.CompareChart));
