/**
 * The few XML text rules an .xlsx part needs: attributes of one start tag, the five entities and numeric
 * character references, and OOXML's `_xHHHH_` escapes (how Excel stores characters XML cannot hold, such as a
 * carriage return or control characters).
 */

/** Attributes of a start tag's text (`name="v"` or `name='v'`), values decoded; prefixes kept (`r:id`). */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

/** One attribute of an element's attribute text, fast path for the cell scanner (double quotes, as Excel writes). */
export function attr(text: string, name: string): string | undefined {
  let i = text.indexOf(` ${name}="`);
  let q = '"';
  if (i < 0) {
    i = text.indexOf(` ${name}='`);
    q = "'";
    if (i < 0) return undefined;
  }
  const start = i + name.length + 3;
  const end = text.indexOf(q, start);
  return end < 0 ? undefined : text.slice(start, end);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== "#") return NAMED[e] ?? m;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Decodes `_xHHHH_` escapes (`_x005F_` is a literal underscore, so `_x005F_x000D_` reads as `_x000D_`). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of an element's content as the cell holds it. */
export function decodeText(s: string): string {
  return decodeOoxmlEscapes(decodeEntities(s));
}

/** Concatenated `<t>` texts of a shared-string item or inline string, phonetic runs (`<rPh>`) left out. */
export function runsText(inner: string): string {
  if (inner.indexOf("<rPh") >= 0) inner = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner)) !== null) out += m[1];
  return decodeText(out);
}

// XML 1.0 cannot hold most control characters, even as references: Excel writes them as _x00HH_ escapes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** Text for an element's content or an attribute value: XML-escaped, control characters as `_x00HH_`. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(s) === false) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Excel holds at most 32,767 characters in a cell. */
const MAX_TEXT = 32_767;

/**
 * Cell text as stored: cut to what a cell holds, a carriage return as OOXML's `_x000D_` (XML would read it as a
 * line feed) and text that looks like such an escape with its underscore escaped (`_x005F_`), as XlsxWorkbook
 * (src/xlsx/cells.ts) writes it.
 */
export function cellText(s: string): string {
  if (s.length > MAX_TEXT) s = s.slice(0, MAX_TEXT);
  if (/\r|_x[0-9A-Fa-f]{4}_/.test(s)) s = s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(/\r/g, "_x000D_");
  return s;
}
