// Chart sizes, shared by the client charts and the server pages that reserve their space (so
// nothing shifts when the charts hydrate).
export const TIMELINE_HEIGHT = 360;
export const TIMELINE_OVERLAY_HEIGHT = 110;

const COMPARISON_ROW_HEIGHT = 34;

export function comparisonChartHeight(rowCount: number) {
  return Math.max(160, rowCount * COMPARISON_ROW_HEIGHT + 56);
}

export function totalsChartHeight(rowCount: number) {
  return Math.max(80, rowCount * 30 + 16);
}
