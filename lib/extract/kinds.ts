// The kinds of fact the extractor proposes: the evaluation's gold labels (shared/eval LABELLING.md).
export const EXTRACTION_KINDS = ["chip_order", "stockpile", "penalty", "spec", "export_control", "financial", "investment", "duration", "count", "other"] as const;
export type ExtractionKind = (typeof EXTRACTION_KINDS)[number];
