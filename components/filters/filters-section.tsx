// Loads the selector's choices and renders the filter bar with any notices about the URL.
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterNotices } from "@/components/filters/filter-notices";
import { countryName } from "@/lib/entities/countries";
import { listEntityOptions, listEventCountries } from "@/lib/entities/queries";
import type { EventScope } from "@/lib/filters/scope";

export async function FiltersSection({ scope }: { scope: EventScope }) {
  const [options, countries] = await Promise.all([listEntityOptions(), listEventCountries()]);
  return (
    <div className="grid gap-2">
      <FilterBar filters={scope.filters} options={options} countries={countries.map((code) => ({ code, name: countryName(code) }))} />
      <FilterNotices notices={scope.notices} addedSubsidiaries={scope.addedSubsidiaries} />
    </div>
  );
}
