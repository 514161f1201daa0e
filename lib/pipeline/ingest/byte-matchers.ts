// Byte-level matchers behind the cell checks' fast paths (cell-check.ts): they read a cell's
// bytes without decoding it. Each one only ever answers "certainly valid" (or, for the patterns,
// exactly what the regular expression would); anything else goes to the text check, which
// gives the exact reason.

export const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** data[start, end) holds exactly `expected`. A loop rather than Buffer#compare: a native call
 *  per cell cost more than the comparison of these few bytes. */
export function sameBytes(data: Buffer, start: number, end: number, expected: Buffer): boolean {
  if (end - start !== expected.length) return false;
  for (let k = 0; k < expected.length; k++) if (data[start + k] !== expected[k]) return false;
  return true;
}

/** One run of a pattern: a byte class (256 entries, 1 = allowed) repeated min to max times. */
type Run = { allowed: Uint8Array; min: number; max: number };

/**
 * A byte matcher for an anchored pattern made of literal ASCII characters, escaped literals
 * (\.), \d and bracket classes of ASCII characters and ranges ([0-9a-f], [89ab]), each with an
 * optional quantifier ({n}, {n,m}, {n,}, ?, +, *), and groups without alternation — the
 * contracts' identifier formats, such as ^ORD-\d{8}$, UUIDs and IPv4 addresses. Null for
 * anything else (negated classes, ".", alternation…), which the regular expression handles.
 * Matching is greedy, which is exact because every run of variable length is followed by a run
 * none of whose bytes it could take (checked here), or ends the pattern.
 */
export function linearPattern(pattern: string): ((data: Buffer, from: number, to: number) => boolean) | null {
  const anchored = /^\^(.*)\$$/s.exec(pattern);
  if (!anchored || anchored[1].includes("|")) return null;
  const runs: Run[] = [];
  const body = anchored[1];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === "(" || ch === ")") {
      if (ch === ")" && /^[?*+{]/.test(body.slice(i + 1))) return null; // a quantified group
      if (body.startsWith("(?", i)) return null;
      i++;
      continue;
    }
    let allowed: Uint8Array | null;
    if (ch === "[") {
      const end = body.indexOf("]", i + 1);
      if (end < 0) return null;
      allowed = byteClass(body.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "\\") {
      const next = body[i + 1] ?? "";
      allowed = next === "d" ? classOf(isDigit) : /[.\-/:_ ]/.test(next) ? classOf((b) => b === next.charCodeAt(0)) : null;
      i += 2;
    } else {
      allowed = /[A-Za-z0-9\-:/_ @]/.test(ch) ? classOf((b) => b === ch.charCodeAt(0)) : null;
      i++;
    }
    if (!allowed) return null;
    const quantifier = /^(?:\{(\d+)(,(\d*))?\}|([?*+]))/.exec(body.slice(i));
    let min = 1;
    let max = 1;
    if (quantifier) {
      i += quantifier[0].length;
      if (quantifier[4]) [min, max] = quantifier[4] === "?" ? [0, 1] : quantifier[4] === "+" ? [1, Infinity] : [0, Infinity];
      else {
        min = Number(quantifier[1]);
        max = quantifier[2] === undefined ? min : quantifier[3] === "" ? Infinity : Number(quantifier[3]);
      }
      if (body[i] === "?" || body[i] === "+") return null; // lazy or possessive
    }
    runs.push({ allowed, min, max });
  }
  const greedyIsExact = runs.every((run, k) => {
    if (run.min === run.max || k === runs.length - 1) return true;
    const next = runs[k + 1];
    return next.min >= 1 && next.allowed.every((ok, b) => !(ok && run.allowed[b]));
  });
  if (!greedyIsExact) return null;
  return (data, from, to) => {
    let at = from;
    for (const { allowed, min, max } of runs) {
      let count = 0;
      while (count < max && at < to && allowed[data[at]] === 1) {
        at++;
        count++;
      }
      if (count < min) return false;
    }
    return at === to;
  };
}

/** The inside of a bracket class: ASCII characters and ranges, no negation nor escapes. */
function byteClass(inside: string): Uint8Array | null {
  if (!inside || inside.startsWith("^") || /[\\[\]]/.test(inside) || /[^\x20-\x7e]/.test(inside)) return null;
  const allowed = new Uint8Array(256);
  for (let k = 0; k < inside.length; k++) {
    const low = inside.charCodeAt(k);
    if (inside[k + 1] === "-" && k + 2 < inside.length) {
      const high = inside.charCodeAt(k + 2);
      if (high < low) return null;
      for (let b = low; b <= high; b++) allowed[b] = 1;
      k += 2;
    } else allowed[low] = 1;
  }
  return allowed;
}

function classOf(test: (b: number) => boolean): Uint8Array {
  const allowed = new Uint8Array(256);
  for (let b = 0; b < 256; b++) allowed[b] = test(b) ? 1 : 0;
  return allowed;
}

/** The number written by `length` digits at `at`, or -1 if one of them is not a digit. */
function digits(data: Buffer, at: number, length: number): number {
  let value = 0;
  for (let k = at; k < at + length; k++) {
    const b = data[k];
    if (!isDigit(b)) return -1;
    value = value * 10 + (b - 0x30);
  }
  return value;
}

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
/** A real calendar day of year 1 or later (the text checks use it too). */
export const validYmd = (y: number, m: number, d: number) => y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** YYYY-MM-DD at `at`, a real calendar day of year 1 or later. */
function isoDayAt(data: Buffer, at: number): boolean {
  if (data[at + 4] !== 0x2d || data[at + 7] !== 0x2d) return false;
  const y = digits(data, at, 4);
  const m = digits(data, at + 5, 2);
  const d = digits(data, at + 8, 2);
  return validYmd(y, m, d);
}

/** Certainly a valid ISO date (YYYY-MM-DD exactly). */
export function surelyIsoDate(data: Buffer, from: number, to: number): boolean {
  return to - from === 10 && isoDayAt(data, from);
}

/**
 * Certainly a valid ISO 8601 timestamp with offset as the contracts accept it:
 * YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 6 digits, then Z or ±HH:MM (hours up to 15).
 * Hour 24 and leap seconds are left to the text check.
 */
export function surelyIsoTimestamp(data: Buffer, from: number, to: number): boolean {
  if (to - from < 20 || !isoDayAt(data, from) || data[from + 10] !== 0x54 || data[from + 13] !== 0x3a || data[from + 16] !== 0x3a) return false;
  const h = digits(data, from + 11, 2);
  const mi = digits(data, from + 14, 2);
  const s = digits(data, from + 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return false;
  let at = from + 19;
  if (data[at] === 0x2e) {
    let fraction = 0;
    for (at++; at < to && isDigit(data[at]); at++) fraction++;
    if (fraction < 1 || fraction > 6) return false;
  }
  if (at === to - 1) return data[at] === 0x5a; // Z
  if (at !== to - 6 || (data[at] !== 0x2b && data[at] !== 0x2d) || data[at + 3] !== 0x3a) return false;
  const offsetH = digits(data, at + 1, 2);
  const offsetM = digits(data, at + 4, 2);
  return offsetH >= 0 && offsetH <= 15 && offsetM >= 0 && offsetM <= 59;
}
