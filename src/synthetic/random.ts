// A small, fast, seeded PRNG for synthetic data: sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator), seeded through splitmix32 so that nearby seeds give unrelated streams. Not for
// anything secret: ids it makes are random-looking, not unguessable.

export type Random = {
  // Uniform 32-bit unsigned integer.
  uint32: () => number;
  // Uniform in [0, 1).
  float: () => number;
  // Uniform integer in [min, max], both inclusive.
  int: (min: number, max: number) => number;
  bool: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weightedPick: <T>(table: WeightedTable<T>) => T;
  uuid: () => string;
  // An independent stream derived from this one's seed and a label, e.g. fork('clients').
  fork: (label: string) => Random;
};

export type WeightedTable<T> = {
  items: readonly T[];
  // Cumulative weights normalised so the last entry is 1.
  cumulative: Float64Array;
};

const TWO_POW_32 = 4_294_967_296;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// FNV-1a: turns a fork label into 32 bits.
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
}

export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`Seed must be an integer, got ${seed}`);
  const init = splitmix32(seed >>> 0);
  // State in a typed array: plain closure variables holding values above 2^31 would be boxed
  // as heap numbers on every step, which costs about five times as much.
  const s = new Int32Array([init(), init(), init(), 1]);

  const uint32 = (): number => {
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  // Mix out the weak first outputs, as sfc32's author recommends.
  for (let i = 0; i < 12; i++) uint32();

  const float = (): number => uint32() / TWO_POW_32;

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`Bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(float() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(float() * items.length)] as T;
  };

  const weightedPick = <T>(table: WeightedTable<T>): T => {
    const r = float();
    const cum = table.cumulative;
    // First index whose cumulative weight exceeds r.
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo] as T;
  };

  const uuid = (): string => {
    const w0 = uint32();
    const w1 = uint32();
    const w2 = uint32();
    const w3 = uint32();
    // Version 4 (random) in the 13th hex digit, RFC 9562 variant (10xx) in the 17th.
    const v1 = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
    const v2 = ((w2 & 0x3fffffff) | 0x80000000) >>> 0;
    return (
      hex32(w0) +
      '-' +
      HEX[v1 >>> 24]! +
      HEX[(v1 >>> 16) & 0xff]! +
      '-' +
      HEX[(v1 >>> 8) & 0xff]! +
      HEX[v1 & 0xff]! +
      '-' +
      HEX[v2 >>> 24]! +
      HEX[(v2 >>> 16) & 0xff]! +
      '-' +
      HEX[(v2 >>> 8) & 0xff]! +
      HEX[v2 & 0xff]! +
      hex32(w3)
    );
  };

  const fork = (label: string): Random => createRandom((seed ^ hashLabel(label)) | 0);

  return { uint32, float, int, bool: (p) => float() < p, pick, weightedPick, uuid, fork };
}

// Build once, pick many times: binary search over cumulative weights.
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const total = entries.reduce((sum, [, w]) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`Weights must be finite and non-negative, got ${w}`);
    return sum + w;
  }, 0);
  if (!(total > 0)) throw new Error('A weighted table needs at least one positive weight');
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let running = 0;
  entries.forEach(([item, w], i) => {
    running += w;
    items.push(item);
    cumulative[i] = running / total;
  });
  // Guard against rounding: from the last positive weight on, every r < 1 must land.
  let last = entries.length - 1;
  while (last > 0 && entries[last]![1] === 0) last--;
  cumulative.fill(1, last);
  return { items, cumulative };
}
