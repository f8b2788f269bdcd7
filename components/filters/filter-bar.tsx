"use client";
// The shared filter bar: every change rewrites the URL (so back/forward and pasted links work),
// and the server re-renders the page for the new filters.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, useTransition } from "react";
import type { EntityOption } from "@/lib/entities/queries";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/sources/kinds";
import { EMPTY_FILTERS, EVENT_TYPES, filtersToSearchParams, type DashboardFilters, type FigureRole } from "@/lib/filters/state";

type Props = { filters: DashboardFilters; options: EntityOption[]; complete: boolean; countries: { code: string; name: string }[] };

export function FilterBar({ filters, options, complete, countries }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const apply = (next: DashboardFilters) => {
    const query = filtersToSearchParams(next).toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const bySlug = new Map(options.map((option) => [option.slug, option]));
  const chosenWithSubsidiaries = filters.companies.filter((slug) => (bySlug.get(slug)?.subsidiaries.length ?? 0) > 0);
  const active = filtersToSearchParams(filters).size > 0;

  return (
    <section aria-label="Filters" aria-busy={pending} className="grid gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-start gap-3">
        <CompanyPicker options={options} complete={complete} chosen={filters.companies} onChange={(companies) => apply({ ...filters, companies })} />
        <MonthInput label="From" value={filters.from} onChange={(from) => apply({ ...filters, from })} />
        <MonthInput label="To" value={filters.to} onChange={(to) => apply({ ...filters, to })} />
        <form
          role="search"
          className="grid grow gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
            apply({ ...filters, q: q || null });
          }}
        >
          <label htmlFor="filter-q" className="text-xs text-zinc-500 dark:text-zinc-400">
            Search titles, summaries and article text
          </label>
          <input
            id="filter-q"
            key={filters.q ?? ""}
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={200}
            placeholder="e.g. h20 licence"
            className="min-w-40 rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
          />
        </form>
        {active && (
          <button
            type="button"
            onClick={() => apply(EMPTY_FILTERS)}
            className="self-end rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Clear filters
          </button>
        )}
      </div>

      {chosenWithSubsidiaries.length > 0 && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={filters.includeSubsidiaries} onChange={(event) => apply({ ...filters, includeSubsidiaries: event.target.checked })} />
          Include subsidiaries (
          {chosenWithSubsidiaries
            .flatMap((slug) => bySlug.get(slug)!.subsidiaries)
            .map((subsidiary) => subsidiary.name)
            .join(", ")}
          )
        </label>
      )}

      {filters.companies.length > 0 && (
        <label className="flex items-center gap-2">
          Count figures where the company is
          <select
            value={filters.role}
            onChange={(event) => apply({ ...filters, role: event.target.value as FigureRole })}
            className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            data-testid="role-select"
          >
            <option value="party">the actor or the counterparty</option>
            <option value="actor">the actor (buyer, payer, holder)</option>
            <option value="counterparty">the counterparty (supplier, authority)</option>
          </select>
        </label>
      )}

      <ChipGroup legend="Event type">
        {EVENT_TYPES.map((type) => (
          <Chip key={type} on={filters.types.includes(type)} onToggle={() => apply({ ...filters, types: toggle(filters.types, type) })}>
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ backgroundColor: EVENT_TYPE_STYLES[type].color }} />
            {EVENT_TYPE_STYLES[type].label}
          </Chip>
        ))}
      </ChipGroup>

      <ChipGroup legend="Country">
        {countries.map(({ code, name }) => (
          <Chip key={code} on={filters.countries.includes(code)} title={name} onToggle={() => apply({ ...filters, countries: toggle(filters.countries, code) })}>
            {name}
          </Chip>
        ))}
      </ChipGroup>

      <ChipGroup legend="Source (what these kinds of source state; all when none is chosen)">
        {SOURCE_KINDS.map((kind) => (
          <Chip key={kind} on={filters.sources.includes(kind)} title={SOURCE_KIND_LABELS[kind].long} onToggle={() => apply({ ...filters, sources: toggle(filters.sources, kind) })}>
            {SOURCE_KIND_LABELS[kind].short}
          </Chip>
        ))}
      </ChipGroup>
    </section>
  );
}

function ChipGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-wrap gap-1.5">
      <legend className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One choice of a many-valued filter (types, countries, kinds of source): pressed when chosen. */
function Chip({ on, title, onToggle, children }: { on: boolean; title?: string; onToggle: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      title={title}
      onClick={onToggle}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${on ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900" : "border-zinc-300 dark:border-zinc-700"}`}
    >
      {children}
    </button>
  );
}

/**
 * A month typed as YYYY-MM. Not `type="month"`: Chromium draws an empty one as "--------- ----",
 * and Firefox and Safari draw a plain text box anyway. The filter changes once the month is whole.
 */
function MonthInput({ label, value, onChange }: { label: string; value: string | null; onChange: (month: string | null) => void }) {
  const [text, setText] = useState(value ?? "");
  // A change from elsewhere (a brushed range, Back) replaces what is typed; the input keeps focus.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value ?? "");
  }
  const whole = /^(?:19|20|21)\d{2}-(?:0[1-9]|1[0-2])$/;
  return (
    <label className="grid gap-1">
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        aria-label={`${label} month`}
        placeholder="YYYY-MM"
        pattern="\d{4}-\d{2}"
        maxLength={7}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next === "" || whole.test(next)) onChange(next || null);
        }}
        className="w-24 rounded border border-zinc-300 bg-transparent px-2 py-1 font-mono text-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:placeholder:text-zinc-400"
      />
    </label>
  );
}

/**
 * Type-ahead multi-select over entity names and aliases ("BIS" finds the Commerce Department).
 * The page carries the most active entities; when there are more (`complete` false), typed text
 * is also looked up on the server (/api/entities) and its answers join the list.
 */
function CompanyPicker({ options, complete, chosen, onChange }: { options: EntityOption[]; complete: boolean; chosen: string[]; onChange: (slugs: string[]) => void }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const [found, setFound] = useState<{ query: string; entities: EntityOption[] }>({ query: "", entities: [] });
  const listId = useId();
  const needle = query.trim().toLowerCase();
  useEffect(() => {
    if (complete || needle.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/entities?q=${encodeURIComponent(needle)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ entities: EntityOption[] }>) : { entities: [] }))
        .then(({ entities }) => setFound({ query: needle, entities }))
        .catch(() => undefined); // typing on, or offline: the local choices still work
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [complete, needle]);
  const matches = useMemo(() => {
    const local = options.filter((option) => !needle || [option.name, ...option.aliases].some((name) => name.toLowerCase().includes(needle)));
    const remote = found.query === needle ? found.entities.filter((entity) => !local.some((option) => option.slug === entity.slug)) : [];
    return [...local, ...remote].filter((option) => !chosen.includes(option.slug)).slice(0, 12);
  }, [options, chosen, needle, found]);
  const names = new Map([...options, ...found.entities].map((option) => [option.slug, option.name]));
  const choose = (slug: string) => {
    onChange([...chosen, slug]);
    setQuery("");
    setHighlighted(0);
  };

  return (
    <div className="relative grid min-w-56 gap-1">
      <label htmlFor={`${listId}-input`} className="text-xs text-zinc-500 dark:text-zinc-400">
        Company or entity
      </label>
      {/* The input itself draws no outline; the box shows the focus ring around the chips and the input. */}
      <div className="flex flex-wrap items-center gap-1 rounded border border-zinc-300 px-1 py-0.5 focus-within:ring-2 focus-within:ring-sky-600 dark:border-zinc-700">
        {chosen.map((slug) => (
          <span key={slug} className="inline-flex items-center gap-1 rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-800">
            {names.get(slug) ?? slug}
            <button type="button" aria-label={`Remove ${names.get(slug) ?? slug}`} onClick={() => onChange(chosen.filter((s) => s !== slug))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[highlighted] ? `${listId}-${matches[highlighted].slug}` : undefined}
          value={query}
          placeholder={chosen.length ? "" : "Nvidia, BIS, Huawei…"}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setHighlighted(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") setHighlighted((i) => Math.min(i + 1, matches.length - 1));
            else if (event.key === "ArrowUp") setHighlighted((i) => Math.max(i - 1, 0));
            else if (event.key === "Enter" && matches[highlighted]) {
              event.preventDefault();
              choose(matches[highlighted].slug);
            } else if (event.key === "Escape") setOpen(false);
            else if (event.key === "Backspace" && !query && chosen.length) onChange(chosen.slice(0, -1));
            else return;
            if (event.key !== "Enter") event.preventDefault();
          }}
          className="min-w-24 grow bg-transparent px-1 py-0.5 outline-none"
        />
      </div>
      {open && matches.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching companies"
          className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-zinc-300 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {matches.map((option, index) => {
            const alias = query && !option.name.toLowerCase().includes(query.toLowerCase()) ? option.aliases.find((a) => a.toLowerCase().includes(query.toLowerCase())) : undefined;
            return (
              <li
                key={option.slug}
                id={`${listId}-${option.slug}`}
                role="option"
                aria-selected={index === highlighted}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option.slug);
                }}
                className={`flex cursor-pointer items-baseline justify-between gap-3 px-2 py-1 ${index === highlighted ? "bg-sky-100 dark:bg-sky-900" : ""}`}
              >
                <span className="min-w-0">
                  {option.name}
                  {alias && <span className="text-xs text-zinc-600 dark:text-zinc-400"> ({alias})</span>}
                </span>
                <span className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400" title="events">
                  {option.eventCount}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
