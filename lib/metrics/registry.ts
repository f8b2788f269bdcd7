// The metric registry: every Fact.metric is a key here. It says what the number measures, in
// which unit it is normally stated, and which headline family (if any) it adds up into.
import type { Dimension } from "@/lib/metrics/units";

/**
 * Families group metrics that answer one analyst question ("how much in penalties?"), so the
 * overview can sum them in SQL without knowing every metric key.
 */
export type MetricFamily = "penalty" | "chips_ordered" | "stockpile" | "charge" | "spec" | "relative_spec";

export type MetricDefinition = {
  label: string;
  unit: string;
  dimension: Dimension;
  family?: MetricFamily;
};

function metric(label: string, unit: string, dimension: Dimension, family?: MetricFamily): MetricDefinition {
  return family ? { label, unit, dimension, family } : { label, unit, dimension };
}

export const METRICS = {
  // Orders, stockpiles, deliveries
  chips_ordered: metric("Chips ordered", "units", "count", "chips_ordered"),
  h20_inventory: metric("H20 inventory (stockpile)", "units", "count", "stockpile"),
  h20_units_requested: metric("H20 units requested", "units", "count"),
  h20_units_sold_2024: metric("H20 units sold in 2024", "units", "count"),
  chips_delivered_by_october: metric("Chips delivered by October", "units", "count"),
  expected_deliveries_2025: metric("Expected deliveries in 2025", "units", "count"),
  matching_chips_made: metric("Chips made matching the design", "units", "count"),
  gpus_exported: metric("GPUs exported", "units", "count"),
  hdds_shipped: metric("Hard drives shipped", "units", "count"),
  systems_delivered: metric("Systems delivered", "count", "count"),
  servers: metric("Servers", "count", "count"),
  shipments: metric("Shipments", "count", "count"),
  order_value: metric("Order value", "USD", "money"),
  rush_order_value: metric("Rush-order value", "USD", "money"),
  supply_chain_restart_time: metric("Time to restart production", "months", "duration"),

  // Penalties, enforcement, courts
  penalty: metric("Penalty", "USD", "money", "penalty"),
  total_penalty: metric("Total penalty", "USD", "money", "penalty"),
  potential_penalty: metric("Potential penalty", "USD", "money"),
  quarterly_installment: metric("Quarterly instalment", "USD", "money"),
  payment_period: metric("Payment period", "years", "duration"),
  probation_period: metric("Probation", "years", "duration"),
  maximum_sentence: metric("Maximum prison sentence", "years", "duration"),
  illegal_exports: metric("Illegal exports", "count", "count"),
  violation_period: metric("Period of the violations", "year", "year"),
  defendants: metric("Defendants", "count", "count"),
  payment_from_china: metric("Payment from China", "USD", "money"),
  funding_from_china: metric("Funding from China", "USD", "money"),

  // Export rules and lists
  entities_added: metric("Entities added to the Entity List", "count", "count"),
  chinese_companies_added: metric("Chinese companies added", "count", "count"),
  singapore_organizations_added: metric("Singaporean organisations added", "count", "count"),
  affiliates_listed: metric("Affiliates listed", "count", "count"),
  affiliates_added: metric("Affiliates added", "count", "count"),
  affiliate_locations: metric("Affiliate locations named", "count", "count"),
  smic_affiliates_listed: metric("SMIC affiliates listed", "count", "count"),
  nudt_aliases_added: metric("NUDT aliases added", "count", "count"),
  nudt_locations_added: metric("NUDT locations added", "count", "count"),
  veu_entities_removed: metric("VEU entities removed", "count", "count"),
  unverified_list_additions: metric("Unverified List additions", "count", "count"),
  unverified_list_removals: metric("Unverified List removals", "count", "count"),
  entity_list_since: metric("On the Entity List since", "year", "year"),
  rules_issued: metric("Rules issued", "count", "count"),
  guidance_documents: metric("Guidance documents", "count", "count"),
  sme_types_controlled: metric("Equipment types controlled", "count", "count"),
  software_tool_types_controlled: metric("Software tool types controlled", "count", "count"),
  temporary_general_license_extension: metric("Temporary licence extension", "days", "duration"),
  compliance_delay: metric("Compliance delay", "days", "duration"),
  node_threshold: metric("Process-node threshold", "nm", "length"),
  logic_node_threshold: metric("Logic-node threshold", "nm", "length"),
  presumption_of_denial_node_threshold: metric("Presumption-of-denial node", "nm", "length"),
  dram_half_pitch_threshold: metric("DRAM half-pitch threshold", "nm", "length"),
  nand_layer_threshold: metric("NAND layer threshold", "count", "count"),
  revenue_share: metric("Revenue share paid to the US", "percent", "percent"),

  // Company finances
  expected_charge: metric("Expected charge", "USD", "money", "charge"),
  charge: metric("Charge booked", "USD", "money", "charge"),
  h20_revenue_2024_estimate: metric("H20 revenue in 2024 (estimate)", "USD", "money"),
  h20_revenue_not_shipped: metric("H20 revenue not shipped", "USD", "money"),
  expected_h20_revenue_loss_next_quarter: metric("Expected H20 revenue loss next quarter", "USD", "money"),
  china_sales_at_risk_quarter: metric("China sales at risk in the quarter", "USD", "money"),
  china_revenue_2024: metric("China revenue 2024", "USD", "money"),
  china_revenue_fy2025: metric("China revenue FY2025", "USD", "money"),
  china_revenue_share: metric("Share of revenue from China", "percent", "percent"),
  china_share_of_revenue_2024: metric("China share of revenue 2024", "percent", "percent"),
  china_share_of_revenue_fy2025: metric("China share of revenue FY2025", "percent", "percent"),
  china_share_of_sales_2024: metric("China share of sales 2024", "percent", "percent"),
  hdd_sales_value: metric("Hard-drive sales value", "USD", "money"),
  acquisition_value: metric("Acquisition value", "USD", "money"),

  // Specifications of chips and systems
  bf16_dense_compute: metric("BF16 dense compute", "PFLOPS", "compute", "spec"),
  fp16_dense_compute: metric("FP16 dense compute", "PFLOPS", "compute", "spec"),
  fp8_compute: metric("FP8 compute", "PFLOPS", "compute", "spec"),
  fp4_compute: metric("FP4 compute", "PFLOPS", "compute", "spec"),
  hbm_capacity: metric("HBM capacity", "GB", "memory", "spec"),
  memory_bandwidth: metric("Memory bandwidth", "TB/s", "bandwidth", "spec"),
  interconnect_bandwidth: metric("Interconnect bandwidth", "GB/s", "bandwidth", "spec"),
  interconnect_bandwidth_a100: metric("A100 interconnect bandwidth", "GB/s", "bandwidth"),
  die_to_die_bandwidth: metric("Die-to-die bandwidth", "GB/s", "bandwidth", "spec"),
  tdp: metric("Thermal design power", "W", "power", "spec"),
  power: metric("Power draw", "kW", "power", "spec"),
  price: metric("Price", "USD", "money", "spec"),
  unit_cost: metric("Unit cost", "USD", "money", "spec"),
  accelerator_count: metric("Accelerators", "count", "count", "spec"),
  racks: metric("Racks", "count", "count", "spec"),
  optical_transceivers: metric("Optical transceivers", "count", "count", "spec"),
  process_node: metric("Process node", "nm", "length", "spec"),
  die_area: metric("Die area", "mm2", "area", "spec"),
  fp16_compute_relative: metric("FP16 throughput relative to baseline", "ratio", "ratio", "relative_spec"),
  per_chip_performance_relative: metric("Per-chip performance relative to baseline", "ratio", "ratio", "relative_spec"),
  power_relative: metric("Power relative to baseline", "ratio", "ratio", "relative_spec"),
  price_relative: metric("Price relative to baseline", "ratio", "ratio", "relative_spec"),
  compute_relative_to_b300: metric("Compute relative to B300", "ratio", "ratio", "relative_spec"),

  // General-purpose keys the extractor proposes when no specific metric fits; a reviewer can
  // pick a specific one before accepting.
  units_stockpiled: metric("Units stockpiled", "units", "count", "stockpile"),
  units_shipped: metric("Units shipped or delivered", "units", "count"),
  units_produced: metric("Units produced", "units", "count"),
  revenue: metric("Revenue or sales", "USD", "money"),
  loss: metric("Loss", "USD", "money"),
  investment_value: metric("Investment or deal value", "USD", "money"),
  money_amount: metric("Amount of money", "USD", "money"),
  revenue_share_percent: metric("Share (percent)", "percent", "percent"),
  percent: metric("Percentage", "percent", "percent"),
  compute_relative: metric("Performance relative to baseline", "ratio", "ratio", "relative_spec"),
  ratio: metric("Ratio", "ratio", "ratio"),
  duration: metric("Duration", "months", "duration"),
  period: metric("Period", "year", "year"),
  memory_capacity: metric("Memory capacity", "GB", "memory", "spec"),
  count: metric("Count", "count", "count"),
} satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;

export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(METRICS, key);
}

export function getMetric(key: string): MetricDefinition | undefined {
  return isMetricKey(key) ? METRICS[key] : undefined;
}

/** Metric keys of one family, for SQL filters (`metric = ANY(...)`). */
export function metricsInFamily(family: MetricFamily): MetricKey[] {
  return (Object.keys(METRICS) as MetricKey[]).filter((key) => METRICS[key].family === family);
}
