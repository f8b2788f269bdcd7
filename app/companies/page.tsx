// Every company, agency, university, government, chip and system, with how often it appears in
// the events that match the filters.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FiltersSection } from "@/components/filters/filters-section";
import { Skeleton } from "@/components/skeleton";
import { countryName } from "@/lib/entities/countries";
import { listEntitiesWithCounts, type EntityWithCounts } from "@/lib/entities/queries";
import { scopeFromSearchParams } from "@/lib/filters/page";
import { filtersToSearchParams, hasFilters, type RawSearchParams } from "@/lib/filters/schema";
import type { EventScope } from "@/lib/filters/scope";
import type { EntityKind } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Companies" };

const GROUPS: { title: string; kinds: EntityKind[] }[] = [
  { title: "Companies", kinds: ["company"] },
  { title: "Governments, agencies and universities", kinds: ["government", "agency", "university"] },
  { title: "Chips and systems", kinds: ["chip", "system"] },
];

type Props = { searchParams: Promise<RawSearchParams> };

export default async function CompaniesPage({ searchParams }: Props) {
  const params = await searchParams;
  const scope = await scopeFromSearchParams(params);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">Companies and entities</h1>
      <Suspense fallback={<Skeleton height={140} label="filters" />}>
        <FiltersSection scope={scope} />
      </Suspense>
      <Suspense fallback={<Skeleton height={600} label="companies" />}>
        <EntityGroups scope={scope} />
      </Suspense>
    </div>
  );
}

async function EntityGroups({ scope }: { scope: EventScope }) {
  // The company filter picks which companies to list here, not which events to count.
  const entities = await listEntitiesWithCounts(scope.where);
  const chosen = new Set(scope.filters.companies);
  // Under an event filter (a type, dates, a country, a search, a kind of source) only the entities
  // in the matching events are listed: /companies?type=penalty lists who paid a penalty or imposed one.
  const eventFiltered = hasFilters({ ...scope.filters, companies: [], includeSubsidiaries: false });
  const visible = entities.filter((entity) => (!chosen.size || chosen.has(entity.slug)) && (!eventFiltered || entity.events > 0));
  const query = filtersToSearchParams({ ...scope.filters, companies: [], includeSubsidiaries: false }).toString();
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      {GROUPS.map((group) => (
        <section key={group.title} aria-labelledby={`group-${group.kinds[0]}`}>
          <h2 id={`group-${group.kinds[0]}`} className="text-lg font-semibold">
            {group.title}
          </h2>
          <EntityTable entities={visible.filter((entity) => group.kinds.includes(entity.kind))} query={query} />
        </section>
      ))}
    </div>
  );
}

function EntityTable({ entities, query }: { entities: EntityWithCounts[]; query: string }) {
  if (entities.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">None.</p>;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <thead className="text-xs text-zinc-500 dark:text-zinc-400">
        <tr>
          <th className="py-1 pr-2 font-medium">Name</th>
          <th className="py-1 pr-2 text-right font-medium">Events</th>
          <th className="py-1 text-right font-medium">Facts</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {entities.map((entity) => (
          <tr key={entity.slug}>
            <td className="py-1 pr-2">
              <Link href={`/companies/${entity.slug}${query ? `?${query}` : ""}`} className="hover:underline">
                {entity.name}
              </Link>
              {entity.country && <span className="text-xs text-zinc-500 dark:text-zinc-400"> · {countryName(entity.country)}</span>}
            </td>
            <td className="py-1 pr-2 text-right tabular-nums">{entity.events}</td>
            <td className="py-1 text-right tabular-nums">{entity.facts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
