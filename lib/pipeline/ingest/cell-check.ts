// Validates one raw CSV cell (or NDJSON value) in JS while the file streams into bronze, with exactly the rules
// of invalidCellSql (lib/pipeline/sql/cell-sql.ts): same canonical form, same checks in the
// same order, same reasons. Silver later casts every accepted cell with typedCellSql, so a cell
// accepted here but refused by the SQL cast would break the silver step; cell-check.db.test.ts
// runs a table of cells through both and asserts they agree.
// Hot path: one checker compiled per column and file; integers, point decimals, plain strings,
// enums, ISO dates and timestamps and linear identifier patterns (byte-matchers.ts) are checked
// on the bytes, and text is only decoded when needed.
import type { ColumnDef } from "../contracts";
import type { Conventions } from "../sql/cell-sql";
import { isDigit, linearPattern, sameBytes, surelyIsoDate, surelyIsoTimestamp, validYmd } from "./byte-matchers";

/** Why the cell is invalid, or null. `text` is the cell after CSV unquoting; null = NULL. */
export type TextCheck = (text: string | null) => string | null;
/**
 * Why the cell data[from, to) is invalid, or null. `quoted`: the raw field holds a quote
 * character and must be unquoted (CSV rules) first.
 */
export type CellCheck = (data: Buffer, from: number, to: number, quoted: boolean) => string | null;

/**
 * What the database's character classification changes in invalidCellSql: which characters
 * [[:space:]] (and \s) covers — ASCII whitespace in C; plus the Unicode spaces glibc's iswspace()
 * knows in a libc UTF-8 locale; every Unicode White_Space character, no-break ones included, with
 * the builtin provider — and what lower() makes of "İ" (U+0130; the only non-ASCII letter that
 * lowers to a letter of the boolean words). serverLocaleSql reads both off the server.
 */
export type ServerLocale = { spaces: string; lowerDottedI: string };
export const C_LOCALE: ServerLocale = { spaces: " \t\n\v\f\r", lowerDottedI: "\u0130" };
// Unicode's White_Space characters, and three that some C libraries have counted as spaces.
const SPACE_CANDIDATES = [9, 10, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, k) => 0x2000 + k), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x180e, 0x200b, 0xfeff];
export const serverLocaleSql = `SELECT (SELECT string_agg(chr(c), '' ORDER BY c) FROM unnest('{${SPACE_CANDIDATES.join(",")}}'::int[]) c WHERE chr(c) ~ '^[[:space:]]$') AS "spaces",
  lower(E'\\u0130') AS "lowerDottedI"`;

const TRUE_WORDS = ["true", "1", "yes", "oui", "vrai", "t", "y"];
const FALSE_WORDS = ["false", "0", "no", "non", "faux", "f", "n"];
const BOOLEAN_WORDS = new Set([...TRUE_WORDS, ...FALSE_WORDS]);
/** The server's [[:space:]] as the inside of a JS character class. */
const spaceClass = (locale: ServerLocale) => [...locale.spaces].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
const INTEGER = /^-?[0-9]{1,15}$/;
const DECIMAL_SHAPE = /^-?[0-9]{1,15}(\.[0-9]+)?$/;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DMY_DATE = /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/;
const ISO_TIMESTAMP = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,6})?(Z|[+-]([0-9]{2}):([0-9]{2}))$/;
const DMY_TIMESTAMP = /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$/;
const DMY_CANONICAL_TS = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?: ([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?$/;
// PostgreSQL accepts UTC offsets up to ±15:59.
const MAX_OFFSET_HOURS = 15;

/** btrim(text): strips spaces (only U+0020) at both ends. */
function btrim(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && v.charCodeAt(a) === 0x20) a++;
  while (b > a && v.charCodeAt(b - 1) === 0x20) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

/** lower() as far as the boolean words go: ASCII letters, and İ as the server lowers it. */
const ASCII_UPPER = /[A-Z]+/g;
const lowerAscii = (s: string) => s.toLowerCase();

/**
 * PostgreSQL regular expressions (ARE) to JS: \d and \s are ASCII classes there, and "." also
 * matches a newline. The contract patterns use nothing else that differs.
 */
export function pgRegex(pattern: string, locale: ServerLocale = C_LOCALE): RegExp {
  let out = "";
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\" && i + 1 < pattern.length) {
      const next = pattern[++i];
      const cls = next === "d" ? "0-9" : next === "s" ? spaceClass(locale) : null;
      out += cls === null ? `\\${next}` : inBracket ? cls : `[${cls}]`;
    } else {
      if (ch === "[" && !inBracket) inBracket = true;
      else if (ch === "]" && inBracket && !/\[\^?$/.test(out)) inBracket = false;
      out += ch;
    }
  }
  return new RegExp(out, "s");
}

// PostgreSQL time of day: minutes 0-59, seconds 0-60 (leap second), 24:00:00 exactly is allowed.
const validTime = (h: number, mi: number, s: number, fractionZero: boolean) => mi <= 59 && s <= 60 && (h < 24 || (h === 24 && mi === 0 && s === 0 && fractionZero));
const zeroFraction = (f: string | undefined) => !f || /^\.0*$/.test(f);

const signOf = (s: string) => (s.startsWith("-") ? -1 : 1);
const decimalParts = (s: string) => {
  const [int, frac = ""] = s.replace(/^-/, "").split(".");
  return { int: int.replace(/^0+(?=\d)/, ""), frac: frac.replace(/0+$/, "") };
};

/** Exact comparison of a well-formed decimal text (-?digits[.digits]) with a number. */
export function compareDecimal(text: string, bound: number): number {
  const b = String(bound);
  if (!/^-?\d+(\.\d+)?$/.test(b)) return Math.sign(Number(text) - bound);
  const x = decimalParts(text);
  const y = decimalParts(b);
  const sx = x.int === "0" && x.frac === "" ? 0 : signOf(text);
  const sy = y.int === "0" && y.frac === "" ? 0 : signOf(b);
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  let magnitude = x.int.length !== y.int.length ? (x.int.length < y.int.length ? -1 : 1) : 0;
  if (!magnitude) magnitude = x.int < y.int ? -1 : x.int > y.int ? 1 : 0;
  if (!magnitude) {
    const n = Math.max(x.frac.length, y.frac.length);
    const fx = x.frac.padEnd(n, "0");
    const fy = y.frac.padEnd(n, "0");
    magnitude = fx < fy ? -1 : fx > fy ? 1 : 0;
  }
  return magnitude * sx;
}

/** The text-level check of a column: the reference the byte-level fast paths must agree with. */
export function textCheck(col: ColumnDef, conv: Pick<Conventions, "decimalSeparator" | "dateFormat">, locale: ServerLocale = C_LOCALE): TextCheck {
  const pattern = col.pattern ? pgRegex(col.pattern, locale) : null;
  const pgSpaces = new RegExp(`[${spaceClass(locale)}\\u00a0\\u202f]`, "g");
  const lower = (v: string) => v.replace(ASCII_UPPER, lowerAscii).replaceAll("\u0130", locale.lowerDottedI);
  const patternReason = `does not match ${col.pattern}`;
  const scale = col.scale ?? 2;
  const scaleShape = new RegExp(`^-?[0-9]+(\\.[0-9]{1,${scale}})?$`);
  const commaDecimal = col.type === "decimal" && conv.decimalSeparator === ",";
  const dmy = conv.dateFormat === "dmy";
  const values = new Set(col.values ?? []);
  const enumReason = `not one of ${(col.values ?? []).join("|")}`;
  const trimmedTypes = col.type === "boolean" || col.type === "enum" || commaDecimal || ((col.type === "date" || col.type === "timestamp") && dmy);

  const canonical = (v: string | null): string | null => {
    if (v === null) return null;
    if (!trimmedTypes) return v === "" ? null : v;
    const t = btrim(v);
    if (t === "") return null;
    if (commaDecimal) return t.replace(pgSpaces, "").replaceAll(",", ".");
    if (col.type === "date" || col.type === "timestamp") return t.replace(/^([0-9]{2})\/([0-9]{2})\/([0-9]{4})/, "$3-$2-$1");
    return t;
  };

  const typeCheck = (c: string, v: string): string | null => {
    switch (col.type) {
      case "integer":
        return INTEGER.test(c) ? null : "not an integer";
      case "decimal":
        if (!DECIMAL_SHAPE.test(c)) return commaDecimal ? "not a decimal number (decimal comma)" : "not a decimal with a decimal point";
        return scaleShape.test(c) ? null : `more than ${scale} decimal places`;
      case "boolean":
        return BOOLEAN_WORDS.has(lower(c)) ? null : "not true/false";
      case "enum":
        return values.has(c) ? null : enumReason;
      case "date": {
        const reason = dmy ? "not a date DD/MM/YYYY" : "not a date YYYY-MM-DD";
        if (dmy && !DMY_DATE.test(btrim(v))) return reason;
        const m = ISO_DATE.exec(c);
        return m && validYmd(+m[1], +m[2], +m[3]) ? null : reason;
      }
      case "timestamp": {
        if (dmy) {
          const reason = "not a date-time DD/MM/YYYY HH:mm";
          if (!DMY_TIMESTAMP.test(btrim(v))) return reason;
          const m = DMY_CANONICAL_TS.exec(c);
          if (!m || !validYmd(+m[1], +m[2], +m[3])) return reason;
          return m[4] === undefined || validTime(+m[4], +m[5], +(m[6] ?? 0), true) ? null : reason;
        }
        const reason = "not an ISO 8601 timestamp with offset";
        const m = ISO_TIMESTAMP.exec(c);
        if (!m || !validYmd(+m[1], +m[2], +m[3]) || !validTime(+m[4], +m[5], +m[6], zeroFraction(m[7]))) return reason;
        if (m[8] !== "Z" && (+m[9] > MAX_OFFSET_HOURS || +m[10] > 59)) return reason;
        return null;
      }
      default:
        return null;
    }
  };

  if (col.type === "string" && col.min === undefined && col.max === undefined) {
    // The common case (ids, codes, free text), on every cell of every event: the same rules
    // without canonical()'s and typeCheck's dispatch.
    const empty = col.required ? "required but empty" : null;
    return (v) => (v === null || v === "" ? empty : pattern && !pattern.test(v) ? patternReason : null);
  }
  return (v) => {
    const c = canonical(v);
    if (c === null) return col.required ? "required but empty" : null;
    if (pattern && !pattern.test(c)) return patternReason;
    const bad = typeCheck(c, v!);
    if (bad) return bad;
    if (col.min !== undefined && compareDecimal(c, col.min) < 0) return `below minimum ${col.min}`;
    if (col.max !== undefined && compareDecimal(c, col.max) > 0) return `above maximum ${col.max}`;
    return null;
  };
}

/** PostgreSQL CSV unquoting of one raw field: quotes toggle, "" inside quotes is a quote. */
export function unquote(data: Buffer, from: number, to: number): string {
  let out = "";
  let start = from;
  let inQuotes = false;
  for (let i = from; i < to; i++) {
    if (data[i] !== 0x22) continue;
    out += data.toString("utf8", start, i);
    if (inQuotes && i + 1 < to && data[i + 1] === 0x22) {
      out += '"';
      i++;
    } else inQuotes = !inQuotes;
    start = i + 1;
  }
  return out + data.toString("utf8", start, to);
}

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MINUS = 0x2d;
const DOT = 0x2e;

/** The byte-level checker of a column for one file (fast paths, else decode and textCheck). */
export function compileCellCheck(col: ColumnDef, conv: Pick<Conventions, "decimalSeparator" | "dateFormat">, locale: ServerLocale = C_LOCALE): CellCheck {
  const slow = textCheck(col, conv, locale);
  const decode: CellCheck = (data, from, to, quoted) => slow(quoted ? unquote(data, from, to) : from === to ? null : data.toString("utf8", from, to));
  const empty = col.required ? "required but empty" : null;
  const min = col.min;
  const max = col.max;
  const bounds = (value: number): string | null => (min !== undefined && value < min ? `below minimum ${min}` : max !== undefined && value > max ? `above maximum ${max}` : null);

  if (col.type === "integer" && !col.pattern) {
    return (data, from, to, quoted) => {
      if (quoted) return decode(data, from, to, quoted);
      if (from === to) return empty;
      let i = from;
      const negative = data[i] === MINUS;
      if (negative) i++;
      const digits = to - i;
      if (digits < 1 || digits > 15) return "not an integer";
      let value = 0;
      for (; i < to; i++) {
        const b = data[i];
        if (!isDigit(b)) return "not an integer";
        value = value * 10 + (b - 0x30);
      }
      return bounds(negative ? -value : value);
    };
  }
  if (col.type === "decimal" && conv.decimalSeparator === "." && !col.pattern) {
    const scale = col.scale ?? 2;
    const shapeReason = "not a decimal with a decimal point";
    const minExact = min === undefined || (Number.isSafeInteger(min) && Math.abs(min) < 1e6);
    const maxExact = max === undefined || (Number.isSafeInteger(max) && Math.abs(max) < 1e6);
    const scaleReason = `more than ${scale} decimal places`;
    return (data, from, to, quoted) => {
      if (quoted) return decode(data, from, to, quoted);
      if (from === to) return empty;
      let i = from;
      const negative = data[i] === MINUS;
      if (negative) i++;
      let intDigits = 0;
      // The digits as one integer (exact up to 15 of them, which the shape allows before the point).
      let units = 0;
      for (; i < to && isDigit(data[i]); i++, intDigits++) units = units * 10 + (data[i] - 0x30);
      if (intDigits < 1 || intDigits > 15) return shapeReason;
      let fracDigits = 0;
      if (i < to) {
        if (data[i] !== DOT) return shapeReason;
        for (i++; i < to && isDigit(data[i]); i++, fracDigits++) units = units * 10 + (data[i] - 0x30);
        if (fracDigits === 0 || i < to) return shapeReason;
        if (fracDigits > scale) return scaleReason;
      }
      if (min === undefined && max === undefined) return null;
      if (intDigits + fracDigits > 15 || fracDigits > 9) return slow(data.toString("latin1", from, to));
      // value = ±units / 10^fracDigits; compare units with bound x 10^fracDigits, exact for
      // integer bounds (the contracts' 0 and 1), else on the text.
      const unit = POWERS[fracDigits];
      const signed = negative ? -units : units;
      if (min !== undefined) {
        if (!minExact) return slow(data.toString("latin1", from, to));
        if (signed < min * unit) return `below minimum ${min}`;
      }
      if (max !== undefined) {
        if (!maxExact) return slow(data.toString("latin1", from, to));
        if (signed > max * unit) return `above maximum ${max}`;
      }
      return null;
    };
  }
  const unbounded = min === undefined && max === undefined;
  const plain = unbounded && col.pattern === undefined;
  const iso = conv.dateFormat === "iso";
  // Each fast path below accepts a cell only when the text check certainly would; any other
  // cell is decoded and gets the text check's exact reason.
  const fast = (accepts: (data: Buffer, from: number, to: number) => boolean): CellCheck => (data, from, to, quoted) => {
    if (quoted) return decode(data, from, to, quoted);
    if (from === to) return empty;
    return accepts(data, from, to) ? null : decode(data, from, to, false);
  };
  if (col.type === "string" && plain) return fast(() => true);
  const pattern = col.type === "string" && col.pattern && unbounded ? linearPattern(col.pattern) : null;
  if (pattern) return fast(pattern);
  if (col.type === "enum" && plain) {
    const values = (col.values ?? []).map((v) => Buffer.from(v, "utf8"));
    return fast((data, from, to) => values.some((v) => sameBytes(data, from, to, v)));
  }
  if (col.type === "timestamp" && plain && iso) return fast(surelyIsoTimestamp);
  if (col.type === "date" && plain && iso) return fast(surelyIsoDate);
  return decode;
}
