// Numeric kernels for the term-association model (src/search/associations.ts): a seeded PRNG, sparse matrices in CSR
// form, dense row-major products, orthonormalization by Cholesky QR, a symmetric eigensolver and the randomized
// truncated SVD of Halko, Martinsson & Tropp (2011). Plain TypeScript over typed arrays; single-threaded and
// deterministic (the same inputs and seed give bit-identical outputs).
//
// Dense matrices are row-major Float64Arrays (rows × cols). The hot loops are unrolled by hand: V8 does not vectorize,
// and the unrolled forms run 2-3× faster than the plain ones.

/** A sparse matrix in compressed sparse row form. */
export interface Csr {
  rows: number;
  cols: number;
  /** rows + 1 offsets into `colIndex` and `values`. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float32Array;
}

/** sfc32, a small fast PRNG with a 128-bit state; deterministic for a given seed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal (Box-Muller, both values used). */
  gaussian(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** The transpose of a CSR matrix, again in CSR form (a counting sort by column). */
export function transposeCsr(a: Csr): Csr {
  const { rows, cols, rowStart, colIndex, values } = a;
  const nnz = rowStart[rows]!;
  const tStart = new Int32Array(cols + 1);
  for (let k = 0; k < nnz; k++) tStart[colIndex[k]! + 1]!++;
  for (let j = 0; j < cols; j++) tStart[j + 1]! += tStart[j]!;
  const next = tStart.slice(0, cols);
  const tCol = new Int32Array(nnz);
  const tVal = new Float32Array(nnz);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
      const p = next[colIndex[k]!]!++;
      tCol[p] = i;
      tVal[p] = values[k]!;
    }
  }
  return { rows: cols, cols: rows, rowStart: tStart, colIndex: tCol, values: tVal };
}

/** out (a.rows × l) = a · x, where x is a.cols × l. */
export function sparseTimesDense(a: Csr, x: Float64Array, l: number, out: Float64Array): Float64Array {
  const { rows, rowStart, colIndex, values } = a;
  out.fill(0, 0, rows * l);
  for (let i = 0; i < rows; i++) {
    const o = i * l;
    let k = rowStart[i]!;
    const end = rowStart[i + 1]!;
    for (; k + 7 < end; k += 8) {
      const v0 = values[k]!, v1 = values[k + 1]!, v2 = values[k + 2]!, v3 = values[k + 3]!;
      const v4 = values[k + 4]!, v5 = values[k + 5]!, v6 = values[k + 6]!, v7 = values[k + 7]!;
      const x0 = colIndex[k]! * l, x1 = colIndex[k + 1]! * l, x2 = colIndex[k + 2]! * l, x3 = colIndex[k + 3]! * l;
      const x4 = colIndex[k + 4]! * l, x5 = colIndex[k + 5]! * l, x6 = colIndex[k + 6]! * l, x7 = colIndex[k + 7]! * l;
      for (let t = 0; t < l; t++) {
        out[o + t]! +=
          v0 * x[x0 + t]! + v1 * x[x1 + t]! + v2 * x[x2 + t]! + v3 * x[x3 + t]! + v4 * x[x4 + t]! + v5 * x[x5 + t]! + v6 * x[x6 + t]! + v7 * x[x7 + t]!;
      }
    }
    for (; k + 3 < end; k += 4) {
      const v0 = values[k]!, v1 = values[k + 1]!, v2 = values[k + 2]!, v3 = values[k + 3]!;
      const x0 = colIndex[k]! * l, x1 = colIndex[k + 1]! * l, x2 = colIndex[k + 2]! * l, x3 = colIndex[k + 3]! * l;
      for (let t = 0; t < l; t++) out[o + t]! += v0 * x[x0 + t]! + v1 * x[x1 + t]! + v2 * x[x2 + t]! + v3 * x[x3 + t]!;
    }
    for (; k < end; k++) {
      const v = values[k]!, x0 = colIndex[k]! * l;
      for (let t = 0; t < l; t++) out[o + t]! += v * x[x0 + t]!;
    }
  }
  return out;
}

/** The Gram matrix yᵀy (l × l, symmetric) of y (n × l). */
export function gram(y: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  let i = 0;
  for (; i + 7 < n; i += 8) {
    const r0 = i * l, r1 = r0 + l, r2 = r1 + l, r3 = r2 + l, r4 = r3 + l, r5 = r4 + l, r6 = r5 + l, r7 = r6 + l;
    for (let a = 0; a < l; a++) {
      const y0 = y[r0 + a]!, y1 = y[r1 + a]!, y2 = y[r2 + a]!, y3 = y[r3 + a]!;
      const y4 = y[r4 + a]!, y5 = y[r5 + a]!, y6 = y[r6 + a]!, y7 = y[r7 + a]!;
      const ga = a * l;
      for (let b = a; b < l; b++) {
        g[ga + b]! +=
          y0 * y[r0 + b]! + y1 * y[r1 + b]! + y2 * y[r2 + b]! + y3 * y[r3 + b]! + y4 * y[r4 + b]! + y5 * y[r5 + b]! + y6 * y[r6 + b]! + y7 * y[r7 + b]!;
      }
    }
  }
  for (; i < n; i++) {
    const r = i * l;
    for (let a = 0; a < l; a++) {
      const ya = y[r + a]!;
      const ga = a * l;
      for (let b = a; b < l; b++) g[ga + b]! += ya * y[r + b]!;
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a]!;
  return g;
}

/**
 * out (n × m) = y (n × l) · mat (l × m). With `upper`, mat is upper triangular (zeros below the diagonal) and the
 * products with those zeros are skipped. `out` may not alias `y`.
 */
export function denseTimesSmall(y: Float64Array, n: number, l: number, mat: Float64Array, m: number, out: Float64Array, upper = false): Float64Array {
  out.fill(0, 0, n * m);
  for (let i = 0; i < n; i++) {
    const r = i * l, o = i * m;
    let a = 0;
    for (; a + 7 < l; a += 8) {
      const y0 = y[r + a]!, y1 = y[r + a + 1]!, y2 = y[r + a + 2]!, y3 = y[r + a + 3]!;
      const y4 = y[r + a + 4]!, y5 = y[r + a + 5]!, y6 = y[r + a + 6]!, y7 = y[r + a + 7]!;
      const m0 = a * m, m1 = m0 + m, m2 = m1 + m, m3 = m2 + m, m4 = m3 + m, m5 = m4 + m, m6 = m5 + m, m7 = m6 + m;
      for (let t = upper ? a : 0; t < m; t++) {
        out[o + t]! +=
          y0 * mat[m0 + t]! + y1 * mat[m1 + t]! + y2 * mat[m2 + t]! + y3 * mat[m3 + t]! + y4 * mat[m4 + t]! + y5 * mat[m5 + t]! + y6 * mat[m6 + t]! + y7 * mat[m7 + t]!;
      }
    }
    for (; a < l; a++) {
      const ya = y[r + a]!;
      const ma = a * m;
      for (let t = upper ? a : 0; t < m; t++) out[o + t]! += ya * mat[ma + t]!;
    }
  }
  return out;
}

/**
 * Orthonormalizes the columns of y (n × l) by Cholesky QR: R from the Cholesky factor of yᵀy, then Q = y·R⁻¹,
 * written to `out`. Columns that are (numerically) dependent on earlier ones come out as zero columns, so
 * rank-deficient inputs (tiny vocabularies, terms without contexts) do not fail. Returns the rank found and an
 * estimate of y's condition number (the spread of R's diagonal); Q's loss of orthogonality grows as its square.
 */
export function cholQr(y: Float64Array, n: number, l: number, out: Float64Array): { rank: number; condition: number } {
  const g = gram(y, n, l);
  let maxDiag = 0;
  for (let a = 0; a < l; a++) maxDiag = Math.max(maxDiag, g[a * l + a]!);
  const tol = maxDiag * 1e-12;
  // Upper-triangular R (row-major), with rows of dropped columns left at zero.
  const r = new Float64Array(l * l);
  const kept = new Uint8Array(l);
  let rank = 0;
  let minPivot = Infinity;
  let maxPivot = 0;
  for (let j = 0; j < l; j++) {
    let d = g[j * l + j]!;
    for (let m = 0; m < j; m++) d -= r[m * l + j]! * r[m * l + j]!;
    if (!(d > tol)) continue;
    const rjj = Math.sqrt(d);
    minPivot = Math.min(minPivot, rjj);
    maxPivot = Math.max(maxPivot, rjj);
    kept[j] = 1;
    rank++;
    r[j * l + j] = rjj;
    for (let c = j + 1; c < l; c++) {
      let s = g[j * l + c]!;
      for (let m = 0; m < j; m++) s -= r[m * l + j]! * r[m * l + c]!;
      r[j * l + c] = s / rjj;
    }
  }
  // R⁻¹ restricted to kept rows and columns (back substitution column by column), zero elsewhere.
  const inv = new Float64Array(l * l);
  for (let c = 0; c < l; c++) {
    if (!kept[c]) continue;
    inv[c * l + c] = 1 / r[c * l + c]!;
    for (let i = c - 1; i >= 0; i--) {
      if (!kept[i]) continue;
      let s = 0;
      for (let m = i + 1; m <= c; m++) if (kept[m]) s += r[i * l + m]! * inv[m * l + c]!;
      inv[i * l + c] = -s / r[i * l + i]!;
    }
  }
  denseTimesSmall(y, n, l, inv, l, out, true);
  return { rank, condition: rank > 0 ? maxPivot / minPivot : 0 };
}

/**
 * Eigendecomposition of a symmetric n × n matrix (row-major; not modified): Householder tridiagonalization and the
 * implicit QL algorithm (tred2/tql2, after JAMA). Eigenvalues descending; eigenvectors are the columns of `vectors`.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const v = Float64Array.from(matrix.subarray(0, n * n));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // tred2
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[j * n + i] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j]! * d[k]!;
          e[k]! += v[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  if (n > 0) v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  // tql2
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  if (n > 0) e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      for (let iter = 0; iter < 60; iter++) {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1, c2 = 1, c3 = 1;
        const el1 = e[l + 1]!;
        let s = 0, s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const vk = k * n;
            h = v[vk + i + 1]!;
            v[vk + i + 1] = s * v[vk + i]! + c * h;
            v[vk + i] = c * v[vk + i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]!) > eps * tst1)) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  // Sort descending.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[b]! - d[a]! || a - b);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!;
  });
  return { values, vectors };
}

export interface SvdOptions {
  /** Extra test vectors beyond k (Halko's p). */
  oversample?: number;
  /** Subspace (power) iterations, each one product with aᵀ and one with a. */
  powerIterations?: number;
  seed?: number;
  /** aᵀ, if the caller already has it. */
  transpose?: Csr;
}

/**
 * Randomized truncated SVD of a sparse matrix (Halko, Martinsson & Tropp 2011, algorithms 4.4 and 5.1): a Gaussian
 * test matrix Ω, Y = a·Ω, `powerIterations` rounds of Y ← a·(aᵀ·Q) with re-orthonormalization, Q = orth(Y), then the
 * small SVD of B = Qᵀa from the eigendecomposition of B·Bᵀ. Returns the top k left singular vectors (rows × k,
 * row-major) and singular values, descending. k is capped at min(rows, cols).
 */
export function randomizedSvd(a: Csr, k: number, options: SvdOptions = {}): { u: Float64Array; s: Float64Array; k: number } {
  const n = a.rows;
  k = Math.max(0, Math.min(k, n, a.cols));
  const l = Math.min(k + (options.oversample ?? 10), n, a.cols);
  if (k === 0 || l === 0) return { u: new Float64Array(0), s: new Float64Array(0), k: 0 };
  const at = options.transpose ?? transposeCsr(a);
  const random = new Random(options.seed ?? 1);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random.gaussian();
  let y: Float64Array = sparseTimesDense(a, omega, l, new Float64Array(n * l));
  let q: Float64Array = new Float64Array(n * l);
  let z: Float64Array = omega; // a.cols × l, reused
  let last = cholQr(y, n, l, q);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    sparseTimesDense(at, q, l, z);
    sparseTimesDense(a, z, l, y);
    last = cholQr(y, n, l, q);
  }
  // A second pass (CholQR2) when Y was ill-conditioned enough for Q to be visibly non-orthogonal.
  if (last.condition > 1e4) {
    [y, q] = [q, y];
    cholQr(y, n, l, q);
  }
  // Bᵀ = aᵀ·Q (cols × l); B·Bᵀ = (Bᵀ)ᵀ·Bᵀ; its eigenvectors are B's left singular vectors.
  sparseTimesDense(at, q, l, z);
  const bbt = gram(z, a.cols, l);
  const { values, vectors } = symmetricEigen(bbt, l);
  const small = new Float64Array(l * k);
  for (let i = 0; i < l; i++) for (let j = 0; j < k; j++) small[i * k + j] = vectors[i * l + j]!;
  const u = denseTimesSmall(q, n, l, small, k, y.length >= n * k ? y : new Float64Array(n * k));
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = Math.sqrt(Math.max(0, values[j]!));
  return { u: u.length === n * k ? u : u.subarray(0, n * k), s, k };
}

/**
 * The 16 dot products of rows a0..a3 of x with rows b0..b3 of y (row offsets given, rows `dims` long), into
 * out[4·i + j]. A register-blocked kernel: each loaded element is used four times.
 */
export function dots4x4(
  x: Float32Array, a0: number, a1: number, a2: number, a3: number,
  y: Float32Array, b0: number, b1: number, b2: number, b3: number,
  dims: number, out: Float64Array,
): void {
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let t = 0; t < dims; t++) {
    const x0 = x[a0 + t]!, x1 = x[a1 + t]!, x2 = x[a2 + t]!, x3 = x[a3 + t]!;
    const y0 = y[b0 + t]!, y1 = y[b1 + t]!, y2 = y[b2 + t]!, y3 = y[b3 + t]!;
    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
  }
  out[0] = s00; out[1] = s01; out[2] = s02; out[3] = s03;
  out[4] = s10; out[5] = s11; out[6] = s12; out[7] = s13;
  out[8] = s20; out[9] = s21; out[10] = s22; out[11] = s23;
  out[12] = s30; out[13] = s31; out[14] = s32; out[15] = s33;
}
