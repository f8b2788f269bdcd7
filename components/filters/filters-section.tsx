// Loads the selector's choices and renders the filter bar with any notices about the URL.
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterNotices } from "@/components/filters/filter-notices";
import { countryName } from "@/lib/entities/countries";
import { ENTITY_OPTIONS_IN_PAGE, listEntityOptions, listEventCountries } from "@/lib/entities/queries";
import type { EventScope } from "@/lib/filters/scope";

export async function FiltersSection({ scope }: { scope: EventScope }) {
  const [options, countries] = await Promise.all([listEntityOptions(ENTITY_OPTIONS_IN_PAGE, scope.filters.companies), listEventCountries()]);
  // More entities than the page carries: the selector also searches the server.
  const complete = options.length < ENTITY_OPTIONS_IN_PAGE;
  return (
    <div className="grid gap-2">
      <FilterBar filters={scope.filters} options={options} complete={complete} countries={countries.map((code) => ({ code, name: countryName(code) }))} />
      <FilterNotices notices={scope.notices} addedSubsidiaries={scope.addedSubsidiaries} />
    </div>
  );
}
