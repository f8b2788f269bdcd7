// What a quantity measures — its kind and metric key — from its unit, the noun it counts and the
// words around it. Pure; the metric keys are the registry's (lib/metrics/registry.ts).
import type { EntityKind } from "@/lib/generated/prisma/enums";
import type { Quantity } from "@/lib/extract/quantities";
import { METRICS, type MetricKey } from "@/lib/metrics/registry";

export const EXTRACTION_KINDS = ["chip_order", "stockpile", "penalty", "spec", "export_control", "financial", "investment", "duration", "count", "other"] as const;
export type ExtractionKind = (typeof EXTRACTION_KINDS)[number];

/**
 * `local`: the text around the quantity (about a clause either side); `near`: the few words just
 * before it, which decide between competing cues in one sentence.
 */
export function classify(quantity: Quantity, sentence: string, local: string, near: string, subjectKind: EntityKind | null): { kind: ExtractionKind; metric: MetricKey } {
  const has = (pattern: RegExp) => pattern.test(local);
  const sentenceHas = (pattern: RegExp) => pattern.test(sentence);
  const isProduct = subjectKind === "chip" || subjectKind === "system";
  const unit = quantity.unit;

  if (quantity.period === "since") return sentenceHas(/entity list|blacklist/i) ? { kind: "export_control", metric: "entity_list_since" } : { kind: "other", metric: "period" };
  if (quantity.period === "between") return { kind: "other", metric: sentenceHas(/\b(?:violat|illegal|export|sell|sold|ship)/i) ? "violation_period" : "period" };

  if (unit === "ratio") {
    if (has(/\bFP16\b/i)) return { kind: "spec", metric: "fp16_compute_relative" };
    if (has(/per-chip|per chip/i)) return { kind: "spec", metric: "per_chip_performance_relative" };
    if (has(/\bpower|consum|energy|watt/i)) return { kind: "spec", metric: "power_relative" };
    if (has(/\bprice|cost/i)) return { kind: "spec", metric: "price_relative" };
    if (has(/perform|throughput|compute|computing|flops|faster|speed|capabilit/i)) return { kind: "spec", metric: "compute_relative" };
    return { kind: "other", metric: "ratio" };
  }
  if (["USD", "CNY", "EUR", "GBP", "SGD", "HKD"].includes(unit)) {
    if (has(/penalt|fine[sd]?\b|settle|forfeit|plead|civil|criminal/i) || (/\bpay(?:s|ing)?\s|instal+ments?/i.test(near) && !has(/\border|purchas|\bbuy|bought|chips? for/i))) return { kind: "penalty", metric: has(/\bcombined|total/i) ? "total_penalty" : has(/could|may|might|potential|face/i) ? "potential_penalty" : "penalty" };
    if (has(/\bcharge|write-?down|write-?off|impairment/i)) return { kind: "financial", metric: has(/expect|will (?:take|record)|anticipat|flag/i) ? "expected_charge" : "charge" };
    if (has(/\border|purchas|\bbuy|bought|procure/i)) return { kind: "chip_order", metric: has(/rush/i) ? "rush_order_value" : "order_value" };
    if (has(/invest|fund(?:ing|s|ed)?\b|raise[sd]?|acqui|deal|stake|subsid|grant|received/i)) return { kind: "investment", metric: has(/acqui/i) ? "acquisition_value" : "investment_value" };
    if (has(/\bloss|lose|lost|unable to ship/i)) return { kind: "financial", metric: "loss" };
    if (isProduct || has(/\bprice[ds]?\b|unit cost|costs? (?:about|around|up to)|list price/i)) return { kind: "spec", metric: has(/unit cost/i) ? "unit_cost" : "price" };
    if (has(/revenue|sales|sold|sell|generat|earn|income/i)) return { kind: "financial", metric: "revenue" };
    return { kind: "financial", metric: "money_amount" };
  }
  if (unit === "percent") {
    if (has(/revenue|sales|share|income/i)) return { kind: "financial", metric: "revenue_share_percent" };
    return { kind: "other", metric: "percent" };
  }
  if (["TFLOPS", "PFLOPS", "EFLOPS", "TOPS", "POPS"].includes(unit)) {
    if (has(/\bFP4\b/i)) return { kind: "spec", metric: "fp4_compute" };
    if (has(/\b(?:FP8|INT8)\b/i)) return { kind: "spec", metric: "fp8_compute" };
    if (has(/\bFP16\b/i) && !has(/\bBF16\b/i)) return { kind: "spec", metric: "fp16_dense_compute" };
    return { kind: "spec", metric: "bf16_dense_compute" };
  }
  if (["W", "kW", "MW"].includes(unit)) return { kind: "spec", metric: unit === "W" && subjectKind === "chip" ? "tdp" : "power" };
  if (["GB", "TB", "PB"].includes(unit)) return { kind: "spec", metric: has(/HBM|memory/i) ? "hbm_capacity" : "memory_capacity" };
  if (["GB/s", "TB/s", "PB/s", "Gbps", "Tbps"].includes(unit)) return { kind: "spec", metric: has(/memory|HBM/i) ? "memory_bandwidth" : "interconnect_bandwidth" };
  if (unit === "nm") {
    if (has(/threshold|or (?:less|below|smaller)|and below|\bbelow|more advanced|control|restrict|\brules?\b|\bban|licen[cs]e/i)) return { kind: "export_control", metric: "node_threshold" };
    return { kind: "spec", metric: "process_node" };
  }
  if (unit === "mm2") return { kind: "spec", metric: "die_area" };
  if (["days", "months", "years"].includes(unit)) {
    if (has(/probation/i)) return { kind: "duration", metric: "probation_period" };
    if (has(/prison|sentence|jail/i)) return { kind: "duration", metric: "maximum_sentence" };
    if (has(/restart|resum|production|fabricat|supply chain|lead time/i)) return { kind: "duration", metric: "supply_chain_restart_time" };
    if (has(/comply|compliance/i)) return { kind: "export_control", metric: "compliance_delay" };
    if (has(/licen[cs]e|extension|effective/i)) return { kind: "export_control", metric: "temporary_general_license_extension" };
    if (has(/install|instal|pay/i)) return { kind: "penalty", metric: "payment_period" };
    return { kind: "duration", metric: "duration" };
  }

  // Counts of things. What the words right before the number say wins over the wider context
  // ("an order for 300,000 chips, adding to a stockpile of 600,000").
  const noun = (quantity.noun ?? "").toLowerCase();
  if (/stockpil|inventor|in stock|stock of|hoard|stockpile/i.test(near)) return { kind: "stockpile", metric: "units_stockpiled" };
  if (/produc|output|\bmake\b|\bmade\b|manufactur|fabricat/i.test(near) && unit === "units") return { kind: "count", metric: "units_produced" };
  if (/\border(?:ed|s)?\b|purchas|\bbuy|bought|asked|request/i.test(near) && unit === "units") return { kind: "chip_order", metric: "chips_ordered" };
  if (/entit(?:y|ies)$/.test(noun)) return { kind: "export_control", metric: "entities_added" };
  if (/compan|organi[sz]ation|firm|institut|universit/.test(noun) && has(/\badd|remov|list|placed|designat|blacklist/i)) return { kind: "export_control", metric: "entities_added" };
  if (/^types?$|^locations?$|^alias/.test(noun) && !has(/\bsold|shipped/i)) return { kind: "export_control", metric: /location/.test(noun) ? "affiliate_locations" : "count" };
  if (has(/\border(?:ed|s)?\b|purchas|\bbuy|bought/i) && unit === "units" && !has(/stockpil|inventor/i)) return { kind: "chip_order", metric: "chips_ordered" };
  if (has(/stockpil|inventor|in stock|stock of|hoard/i)) return { kind: "stockpile", metric: "units_stockpiled" };
  if (has(/entity list|blacklist|added|adds|listed|designat/i) && /compan|entit|organi|affiliat|firm|institut|universit/.test(noun)) return { kind: "export_control", metric: "entities_added" };
  if (/affiliat/.test(noun)) return { kind: "export_control", metric: "affiliates_listed" };
  if (/location|address/.test(noun) && has(/entity list|affiliat|named/i)) return { kind: "export_control", metric: "affiliate_locations" };
  if (/^rules?$/.test(noun) || /guidance|documents?/.test(noun)) return { kind: "export_control", metric: /rule/.test(noun) ? "rules_issued" : "guidance_documents" };
  if (/rack/.test(noun)) return { kind: "spec", metric: "racks" };
  if (/transceiver/.test(noun)) return { kind: "spec", metric: "optical_transceivers" };
  if (/npu|gpu|chip|accelerator|processor/.test(noun) && /powered by|packs?|each with|contains?|comprising|connect(?:s|ing)?|cluster of|made up of|supports?|built (?:from|with)|uses?|linking/i.test(near)) return { kind: "spec", metric: "accelerator_count" };
  if (/export/.test(noun) && has(/illegal|unlawful|violat/i)) return { kind: "count", metric: "illegal_exports" };
  if (/layer/.test(noun)) return { kind: "export_control", metric: "nand_layer_threshold" };
  if (unit === "units" && has(/ship|deliver|sold|sell|export|smuggl/i)) return { kind: "count", metric: "units_shipped" };
  return { kind: "count", metric: "count" };
}

/** The extraction kind a registry metric belongs to: the gold labels of the evaluation. */
export function kindOfMetric(metric: string): ExtractionKind {
  const explicit: Record<string, ExtractionKind> = {
    penalty: "penalty", total_penalty: "penalty", potential_penalty: "penalty", quarterly_installment: "penalty", payment_period: "penalty",
    chips_ordered: "chip_order", order_value: "chip_order", rush_order_value: "chip_order", h20_units_requested: "chip_order",
    h20_inventory: "stockpile", units_stockpiled: "stockpile",
    acquisition_value: "investment", investment_value: "investment", funding_from_china: "investment", payment_from_china: "investment",
    accelerator_count: "spec", racks: "spec", optical_transceivers: "spec", process_node: "spec", price: "spec", unit_cost: "spec", servers: "count",
    illegal_exports: "count", defendants: "count", shipments: "count", gpus_exported: "count", hdds_shipped: "count", units_shipped: "count",
    systems_delivered: "count", matching_chips_made: "count", chips_delivered_by_october: "count", expected_deliveries_2025: "count", h20_units_sold_2024: "count",
    violation_period: "other", period: "other",
    probation_period: "duration", maximum_sentence: "duration", supply_chain_restart_time: "duration",
    revenue_share: "financial", china_revenue_share: "financial", china_share_of_revenue_2024: "financial", china_share_of_revenue_fy2025: "financial", china_share_of_sales_2024: "financial",
  };
  if (explicit[metric]) return explicit[metric];
  if (/entit|affiliat|listed|list_|nudt_|veu_|rules_issued|guidance|controlled|threshold|license_extension|compliance_delay|companies_added|organizations_added/.test(metric)) return "export_control";
  const dimension = METRICS[metric as MetricKey]?.dimension;
  switch (dimension) {
    case "money":
      return "financial";
    case "duration":
      return "duration";
    case "count":
      return "count";
    case "compute":
    case "power":
    case "memory":
    case "bandwidth":
    case "length":
    case "area":
    case "ratio":
      return "spec";
    case "percent":
      return "financial";
    default:
      return "other";
  }
}
