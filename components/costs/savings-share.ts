/** 0.4231 → "42.3%"; no baseline → "—". */
export function formatSavingsShare(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1)}%`;
}
