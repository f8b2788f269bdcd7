// Country names for the ISO codes in the data (display only; codes stay the stored value).
const NAMES: Record<string, string> = {
  CA: "Canada",
  CN: "China",
  IL: "Israel",
  KR: "South Korea",
  MY: "Malaysia",
  RU: "Russia",
  SG: "Singapore",
  TH: "Thailand",
  TW: "Taiwan",
  US: "United States",
};

export function countryName(code: string): string {
  return NAMES[code] ?? code;
}
