// Soft matching: a query and a passage that say the same thing in different words ("scared of a Skynet takeover" /
// "worried about the Terminator scenario") point the same way in the space of word vectors trained on the library
// itself (src/search/associations.ts). Pure.
//
// Measured on the dev queries (README "Search"): adding SEMANTIC_WEIGHT × cosine to the top 50 passages raises
// paraphrase MRR 0.685 → 0.750 and keyword (0.918 → 0.928) and question (0.836 → 0.844) MRR with them; weights 8-20
// all land within 0.01 of the best (16), 24 and more start to override the words themselves; using the same
// vectors to add associated words to the query instead helped paraphrases less and hurt keyword queries, so it is
// not used.

/** Weight of the cosine between query and passage vectors, added to the passage's score. */
export const SEMANTIC_WEIGHT = 16;
/** How many of the best passages get the semantic score (it reorders, it does not find). */
export const SEMANTIC_TOP = 50;
/** Below this many passages the library is too small to learn word vectors from. */
export const MIN_PASSAGES_FOR_VECTORS = 2000;

export interface TermVectors {
  dims: number;
  get(term: string): Float32Array | undefined;
}

/**
 * The idf-weighted mean of the vectors of `stems`, normalized to unit length; null when no stem has a vector.
 */
export function meanVector(stems: readonly string[], vectors: TermVectors, weight: (stem: string) => number): Float32Array | null {
  const out = new Float32Array(vectors.dims);
  let any = false;
  for (const s of stems) {
    const v = vectors.get(s);
    if (!v) continue;
    const w = weight(s);
    for (let d = 0; d < out.length; d++) out[d]! += w * v[d]!;
    any = true;
  }
  if (!any) return null;
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d]! * out[d]!;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let d = 0; d < out.length; d++) out[d]! /= norm;
  return out;
}

/** A unit vector in 8 bits per dimension (storage is a quarter of Float32; cosines move by < 0.01). */
export function quantize(unit: Float32Array): Buffer {
  const out = Buffer.alloc(unit.length);
  for (let d = 0; d < unit.length; d++) out.writeInt8(Math.max(-127, Math.min(127, Math.round(unit[d]! * 127))), d);
  return out;
}

/** Cosine between a unit Float32 vector and a quantized unit vector. */
export function cosine(unit: Float32Array, quantized: Uint8Array): number {
  const view = new Int8Array(quantized.buffer, quantized.byteOffset, quantized.byteLength);
  const n = Math.min(unit.length, view.length);
  let dot = 0;
  let norm = 0;
  for (let d = 0; d < n; d++) {
    dot += unit[d]! * view[d]!;
    norm += view[d]! * view[d]!;
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
}
