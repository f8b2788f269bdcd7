// Display facts about event types: label, colour and marker shape. Eleven types, eleven colours
// (the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies, extended
// from Paul Tol's) and no two types with the same colour and shape; lane and legend repeat the
// type so colour is never the only cue.
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { EventType } from "@/lib/generated/prisma/enums";

/** The event type a proposed fact of each kind suggests (the ingest form's default). */
export const EVENT_TYPE_OF_KIND: Record<ExtractionKind, EventType> = {
  chip_order: "chip_order",
  stockpile: "stockpile",
  penalty: "penalty",
  spec: "product_launch",
  export_control: "export_control",
  financial: "financial",
  investment: "financial",
  duration: "other",
  count: "other",
  other: "other",
};

/** Kinds that say what happened; the others (a count, a spec, a period) only describe it. */
export const EVENTFUL_KINDS: ExtractionKind[] = ["chip_order", "stockpile", "penalty", "export_control", "financial", "investment"];

export type MarkerShape = "circle" | "diamond" | "square" | "triangle" | "star" | "cross" | "wye";

export type EventTypeStyle = { label: string; color: string; shape: MarkerShape };

export const EVENT_TYPE_STYLES: Record<EventType, EventTypeStyle> = {
  export_control: { label: "Export control", color: "#0072B2", shape: "square" },
  entity_listing: { label: "Entity listing", color: "#D55E00", shape: "cross" },
  license: { label: "Licence", color: "#56B4E9", shape: "circle" },
  policy: { label: "Policy", color: "#44AA99", shape: "diamond" },
  penalty: { label: "Penalty", color: "#CC79A7", shape: "triangle" },
  investigation: { label: "Investigation", color: "#AA4499", shape: "wye" },
  chip_order: { label: "Chip order", color: "#009E73", shape: "circle" },
  stockpile: { label: "Stockpile", color: "#999933", shape: "square" },
  financial: { label: "Financial", color: "#8C6D1F", shape: "diamond" },
  product_launch: { label: "Product launch", color: "#E69F00", shape: "star" },
  other: { label: "Other", color: "#7F7F7F", shape: "triangle" },
};

/** Lane order on the timeline, top to bottom: rules, then enforcement, then the market. */
export const EVENT_TYPE_ORDER: EventType[] = [
  "export_control",
  "entity_listing",
  "license",
  "policy",
  "penalty",
  "investigation",
  "chip_order",
  "stockpile",
  "financial",
  "product_launch",
  "other",
];
