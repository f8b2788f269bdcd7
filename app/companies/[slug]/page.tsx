// One company (or agency, chip, system): who it is, its timeline and totals under the filters,
// and every fact about it with the sentence that states it.
import { SourceKindTag } from "@/components/source-kind";
import type { Metadata } from "next";
import Link from "next/link";
import { QuoteLink } from "@/components/quote-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { TimelinePanel } from "@/components/overview/timeline-panel";
import { TotalsPanel } from "@/components/overview/totals-panel";
import { Skeleton } from "@/components/skeleton";
import { parseOverlay } from "@/lib/charts/overlays";
import { TIMELINE_HEIGHT } from "@/lib/charts/dimensions";
import { atomFeedAlternates } from "@/lib/export/atom";
import { EMPTY_FILTERS } from "@/lib/filters/state";
import { countryName } from "@/lib/entities/countries";
import { getEntityBySlug } from "@/lib/entities/queries";
import { listFactsAbout } from "@/lib/facts/queries";
import { firstParam } from "@/lib/filters/page";
import { filterFieldSchemas, parseFilters, type RawSearchParams } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { figureLabel } from "@/lib/facts/figure";
import { formatWithUsd } from "@/lib/metrics/format";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

async function load(params: Props["params"]) {
  const parsed = filterFieldSchemas.company.safeParse((await params).slug);
  return parsed.success ? getEntityBySlug(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entity = await load(params);
  return { title: entity?.name ?? "Not found", alternates: entity ? atomFeedAlternates({ ...EMPTY_FILTERS, companies: [entity.slug] }, `Chipwatch: ${entity.name}`) : undefined };
}

const KIND_LABELS = { company: "Company", agency: "Agency", university: "University", government: "Government", chip: "Chip", system: "System" } as const;

export default async function CompanyPage({ params, searchParams }: Props) {
  const entity = await load(params);
  if (!entity) notFound();
  const query = await searchParams;
  const { filters, notices } = parseFilters(query);
  // This page is about one entity: it replaces any company filter; the others still apply.
  const scope = await resolveEventScope({ ...filters, companies: [entity.slug] }, notices);
  const overlay = parseOverlay(firstParam(query, "overlay"));
  const facts = await listFactsAbout(entity.slug);
  const pathname = `/companies/${entity.slug}`;

  return (
    // minmax(0, 1fr): the facts table scrolls inside its own frame instead of widening the page.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8">
      <header>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {KIND_LABELS[entity.kind]}
          {entity.country && <> · {countryName(entity.country)}</>}
          {entity.vendor && (
            <>
              {" · by "}
              <Link href={`/companies/${entity.vendor.slug}`} className="hover:underline">
                {entity.vendor.name}
              </Link>
            </>
          )}
        </p>
        <h1 className="text-2xl font-semibold">{entity.name}</h1>
        <dl className="mt-2 grid gap-1 text-sm">
          {entity.aliases.length > 0 && (
            <div>
              <dt className="inline text-zinc-500 dark:text-zinc-400">Also called: </dt>
              <dd className="inline">{entity.aliases.join(", ")}</dd>
            </div>
          )}
          {entity.parent && (
            <div>
              <dt className="inline text-zinc-500 dark:text-zinc-400">Part of: </dt>
              <dd className="inline">
                <Link href={`/companies/${entity.parent.slug}`} className="hover:underline">
                  {entity.parent.name}
                </Link>
              </dd>
            </div>
          )}
          {entity.subsidiaries.length > 0 && (
            <div>
              <dt className="inline text-zinc-500 dark:text-zinc-400">{entity.kind === "chip" ? "Variants" : "Subsidiaries"}: </dt>
              <dd className="inline">
                {entity.subsidiaries.map((child, index) => (
                  <span key={child.slug}>
                    {index > 0 && ", "}
                    <Link href={`/companies/${child.slug}`} className="hover:underline">
                      {child.name}
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
          {entity.products.length > 0 && (
            <div>
              <dt className="inline text-zinc-500 dark:text-zinc-400">Chips and systems: </dt>
              <dd className="inline">
                {entity.products.map((product, index) => (
                  <span key={product.slug}>
                    {index > 0 && ", "}
                    <Link href={`/companies/${product.slug}`} className="hover:underline">
                      {product.name}
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </header>

      <Suspense fallback={<Skeleton height={TIMELINE_HEIGHT + 60} label="timeline" />}>
        <TimelinePanel scope={scope} overlay={overlay} pathname={pathname} pageCompany />
      </Suspense>

      {(entity.kind === "company" || entity.kind === "university") && (
        <div className="grid gap-6 lg:grid-cols-3">
          <Suspense fallback={<Skeleton height={120} label="orders" />}>
            <TotalsPanel scope={scope} chart="orders" title="Chips ordered" what="chip orders" pathname={pathname} />
          </Suspense>
          <Suspense fallback={<Skeleton height={120} label="stockpiles" />}>
            <TotalsPanel scope={scope} chart="stockpiles" title="Chips stockpiled" what="stockpiles" pathname={pathname} />
          </Suspense>
          <Suspense fallback={<Skeleton height={120} label="penalties" />}>
            <TotalsPanel scope={scope} chart="penalties" title="Penalties" what="penalties" pathname={pathname} />
          </Suspense>
        </div>
      )}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="text-lg font-semibold">
          Facts about {entity.name} ({facts.length})
        </h2>
        {facts.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No facts name {entity.name} as their subject.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full min-w-[640px] text-left text-sm">
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-1 pr-2 font-medium">Metric</th>
                  <th className="py-1 pr-2 font-medium">Value</th>
                  <th className="py-1 pr-2 font-medium">Quote</th>
                  <th className="py-1 font-medium">Source</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {facts.map((fact) => (
                  <tr key={fact.id} className="align-top">
                    <td className="py-1 pr-2">{figureLabel(fact)}</td>
                    <td className="py-1 pr-2 whitespace-nowrap tabular-nums">{formatWithUsd(fact, fact.usd)}</td>
                    <td className="py-1 pr-2 italic">
                      <QuoteLink articleId={fact.article.id} factId={fact.id} className="hover:underline">
                        “{fact.quote}”
                      </QuoteLink>
                    </td>
                    <td className="py-1">
                      <Link href={`/articles/${fact.article.id}`} className="hover:underline" data-source-link>
                        {fact.article.outlet ?? "source"}
                      </Link>
                      <SourceKindTag kind={fact.article.sourceKind} />
                      {fact.event && (
                        <Link
                          href={`/events/${fact.event.id}`}
                          className="block text-xs text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
                        >
                          {fact.event.title}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
