// URL state of the comparison builder: /compare?entity=huawei-cloudmatrix-384&entity=nvidia-gb200-nvl72&metric=compute:BF16:dense&baseline=nvidia-gb200-nvl72
// (a series: a metric with its qualifiers; Chipwatch 0.1 keys such as bf16_dense_compute still work).
import { z } from "zod";
import { filterFieldSchemas, type RawSearchParams } from "@/lib/filters/schema";
import { EVERY_METRIC, isDerivedMetric } from "@/lib/charts/compare";
import { isSeriesKey, seriesFromLegacy } from "@/lib/metrics/registry";

/**
 * The overview's preset: Huawei's answer to Nvidia's rack, the pairing the founding article is
 * about, on every metric both have. The one place it is named; the overview panel, its image and
 * the builder's default read it.
 */
const PRESET_SUBJECT = { slug: "huawei-cloudmatrix-384", name: "CloudMatrix 384" } as const;
const PRESET_BASELINE = { slug: "nvidia-gb200-nvl72", name: "GB200 NVL72" } as const;
export const SYSTEMS_PRESET = {
  subject: PRESET_SUBJECT,
  baseline: PRESET_BASELINE,
  params: { entities: [PRESET_SUBJECT.slug, PRESET_BASELINE.slug], metric: EVERY_METRIC, baseline: PRESET_BASELINE.slug } as CompareParams,
} as const;

export const DEFAULT_COMPARISON: CompareParams = {
  entities: [SYSTEMS_PRESET.subject.slug, SYSTEMS_PRESET.baseline.slug],
  // A Chipwatch 0.1 key, translated like any old link: BF16 dense compute.
  metric: seriesFromLegacy("bf16_dense_compute")!,
  baseline: SYSTEMS_PRESET.baseline.slug,
};

const compareParamsSchema = z.object({
  entities: z.array(filterFieldSchemas.company).max(12),
  metric: z.string().refine((key: string) => key === EVERY_METRIC || isSeriesKey(key) || isDerivedMetric(key), "unknown metric"),
  baseline: filterFieldSchemas.company.nullable(),
});

export type CompareParams = { entities: string[]; metric: string; baseline: string | null };

export function parseCompareParams(params: RawSearchParams): { value: CompareParams; notices: string[] } {
  const all = (key: string) => {
    const raw = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  };
  const entities = all("entity");
  const candidate = {
    entities: entities.length ? [...new Set(entities)] : DEFAULT_COMPARISON.entities,
    metric: ((key) => (key && !isSeriesKey(key) && seriesFromLegacy(key)) || key)(all("metric")[0]) ?? DEFAULT_COMPARISON.metric,
    baseline: all("baseline")[0] || (entities.length ? null : DEFAULT_COMPARISON.baseline),
  };
  const parsed = compareParamsSchema.safeParse(candidate);
  if (parsed.success) return { value: parsed.data, notices: [] };
  return {
    value: DEFAULT_COMPARISON,
    notices: parsed.error.issues.map((issue) => `${issue.path.join(".") || "comparison"}: ${issue.message}; showing the default comparison`),
  };
}
