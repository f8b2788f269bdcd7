// How to cite a Chipwatch view, the same words in the export menu, in JSON files and in API
// answers. No licence has been chosen for the compilation, so none is claimed: the figures and
// quotes remain their publishers', and each is cited with its source.
import { formatPartialDate } from "@/lib/events/partial-date";

export const RIGHTS_STATEMENT = "Figures and quotes belong to the sources named with each fact; no licence is granted for the Chipwatch compilation.";

export type Citation = { short: string; long: string; licence: string };

/** `asOf`: ISO day of the data version; `url`: the public address of the view. */
export function citationFor({ title, asOf, url }: { title: string; asOf: string; url: string }): Citation {
  const day = formatPartialDate(new Date(`${asOf}T00:00:00Z`), "day");
  return {
    short: `Chipwatch, “${title}”, data as of ${day}, ${url}`,
    long: `Chipwatch (${asOf.slice(0, 4)}). ${title} [data set]. Data as of ${day}. ${url}. Each figure as stated by the source named with it; cite that source with the figure.`,
    licence: RIGHTS_STATEMENT,
  };
}
