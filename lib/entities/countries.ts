// Country names for the ISO codes in the data (display only; codes stay the stored value), and the
// adjectives the news uses for them ("the Dutch company", "a Chinese chipmaker").
const COUNTRIES: Record<string, { name: string; adjectives: string[] }> = {
  AE: { name: "United Arab Emirates", adjectives: ["Emirati"] },
  CA: { name: "Canada", adjectives: ["Canadian"] },
  CN: { name: "China", adjectives: ["Chinese"] },
  GB: { name: "United Kingdom", adjectives: ["British", "UK", "U.K."] },
  IL: { name: "Israel", adjectives: ["Israeli"] },
  JP: { name: "Japan", adjectives: ["Japanese"] },
  KR: { name: "South Korea", adjectives: ["South Korean", "Korean"] },
  MY: { name: "Malaysia", adjectives: ["Malaysian"] },
  NL: { name: "Netherlands", adjectives: ["Dutch"] },
  RU: { name: "Russia", adjectives: ["Russian"] },
  SA: { name: "Saudi Arabia", adjectives: ["Saudi"] },
  SG: { name: "Singapore", adjectives: ["Singaporean", "Singapore"] },
  TH: { name: "Thailand", adjectives: ["Thai"] },
  TW: { name: "Taiwan", adjectives: ["Taiwanese"] },
  US: { name: "United States", adjectives: ["American", "US", "U.S."] },
};

export function countryName(code: string): string {
  return COUNTRIES[code]?.name ?? code;
}

/** "Dutch" → "NL", "South Korean" → "KR"; null for a word that names no country in the data. */
export function countryOfAdjective(adjective: string): string | null {
  const wanted = adjective.toLowerCase();
  for (const [code, { adjectives }] of Object.entries(COUNTRIES)) if (adjectives.some((a) => a.toLowerCase() === wanted)) return code;
  return null;
}

/** Every adjective above, longest first, for building a pattern. */
export const COUNTRY_ADJECTIVES = Object.values(COUNTRIES)
  .flatMap((c) => c.adjectives)
  .sort((a, b) => b.length - a.length);

/**
 * Countries a national figure can be said of ("China produced 451 billion chips"), by the name the
 * news uses. The United States is left out: "the United States" acting is the US government (an
 * entity of its own), and "US" is not a name the labelling gives a subject.
 */
export const SUBJECT_COUNTRY_NAMES = Object.entries(COUNTRIES)
  .filter(([code]) => code !== "US")
  .map(([, c]) => c.name)
  .concat(["Korea", "Vietnam", "India", "Germany", "France", "Mexico", "Indonesia", "Philippines"])
  .sort((a, b) => b.length - a.length);
