// Colours for companies shown side by side (two or more chosen in the filters): the first company
// chosen takes the first colour, and so on. Okabe–Ito, ordered so the first pairs contrast most;
// the type colours of the timeline give way to these while companies are compared, shape and lane
// still telling the type.

export const COMPANY_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;

/** An event or figure that involves more than one of the chosen companies. */
export const SEVERAL_COMPANIES = { label: "Several of them", color: "#52525B" } as const;

export type ComparedCompany = { slug: string; name: string; color: string };

/** The chosen companies in the order chosen, each with its colour; null when fewer than two. */
export function comparedCompanies(slugs: string[], names: Map<string, string>): ComparedCompany[] | null {
  const known = slugs.filter((slug) => names.has(slug));
  if (known.length < 2) return null;
  return known.map((slug, index) => ({ slug, name: names.get(slug)!, color: COMPANY_COLORS[index % COMPANY_COLORS.length]! }));
}

/** Bars of chips and systems coloured by where their vendor is based: the contest's two sides. */
const VENDOR_COUNTRY_COLORS: Record<string, { label: string; color: string }> = {
  US: { label: "US vendor", color: "#0072B2" },
  CN: { label: "Chinese vendor", color: "#D55E00" },
};
const OTHER_VENDOR = { label: "Vendor elsewhere", color: "#7F7F7F" };

export function vendorCountryColor(country: string | null): { label: string; color: string } {
  return (country && VENDOR_COUNTRY_COLORS[country]) || OTHER_VENDOR;
}
