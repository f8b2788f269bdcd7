// The same story from many outlets: a wire story republished with another headline, a different
// byline, boilerplate above and below, a paragraph cut. MinHash over word shingles estimates how
// much of the text two articles share (Jaccard similarity of their 5-word shingles); locality-
// sensitive hashing in bands finds the candidates among stored articles without comparing every
// pair. The threshold is measured (`npm run eval:near-duplicates`, README). Pure.

/** Words per shingle: long enough that two different stories on one topic share few. */
export const SHINGLE_WORDS = 5;
/**
 * MinHash values per article, in BANDS bands of ROWS: a stored article is a candidate when one
 * band agrees exactly. With 32 bands of 2, a copy sharing 25% of its shingles is a candidate 87%
 * of the time (1 − (1 − 0.25²)³²), one sharing 40% 99.6%; two different stories (≤ 3%) almost never.
 */
export const BANDS = 32;
export const ROWS = 2;
export const SIGNATURE_SIZE = BANDS * ROWS;
/**
 * Estimated share of shingles from which two articles are one story. Measured with
 * `npm run eval:near-duplicates`: republished copies (new headline, an outlet's header and footer,
 * one or two paragraphs cut) share 0.30–0.89, the most alike two different stories 0.03.
 */
export const SAME_STORY = 0.25;

// Seeds of the 64 hash functions, fixed so signatures stored today compare with tomorrow's.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** The article's MinHash signature: SIGNATURE_SIZE unsigned 32-bit values. */
export function minhash(text: string): number[] {
  const words = text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" "));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const value = mix32(shingle ^ SEEDS[k]!);
      if (value < signature[k]!) signature[k] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two signatures: the share of positions that agree. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** One hash per band (as a signed 32-bit integer, for an `integer` column). */
export function bandHashes(signature: number[]): number[] {
  const bands: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) hash = Math.imul(hash ^ signature[band * ROWS + row]!, 0x01000193);
    bands.push(mix32(hash) | 0);
  }
  return bands;
}

/** Signatures are stored as PostgreSQL `integer[]`: signed. */
export function toStored(signature: number[]): number[] {
  return signature.map((value) => value | 0);
}

export function fromStored(stored: number[]): number[] {
  return stored.map((value) => value >>> 0);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
