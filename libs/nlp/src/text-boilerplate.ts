// Boilerplate in scraped pages as spans of the original text to skip (part of text.ts, split by
// concern): datelines, captions, title repeats, duplicated lines, "read more" lines.

import { codesToString, foldText, letterNumberTable } from './text-fold';
import { CodeUnits } from './text-units';

// keyLine reads code units from a typed-array copy (text-units.ts, ADR 0022 sixth session).

export interface Span {
  start: number;
  end: number;
  reason: string;
}

/**
 * Boilerplate in scraped pages, as spans of the original text to skip (nothing is removed, offsets
 * do not move): image-caption lines (short lines ending in أرشيفية/تعبيرية/Photo/File/Getty...),
 * lines repeating the title, exact duplicated lines (the later copy), hashtag-only lines and
 * "Read more"/"اقرأ أيضا" lines.
 */
export function detectBoilerplate(body: string, title?: string): Span[] {
  const spans: Span[] = [];
  // dateline: "WASHINGTON (CNN) --", "دبي، الإمارات العربية المتحدة (CNN)--", "BRUSSELS -" at the start of the body
  const dl = /^[^\n]{0,80}?\((CNN|AFP|AP|Reuters|رويترز|أ ف ب|د ب أ)\)\s*(--|—|–|-)/.exec(body);
  if (dl) spans.push({ start: 0, end: dl[0].length, reason: 'dateline' });
  const seen = new Set<string>();
  const tkey = title ? keyLine(title) : '';
  let pos = 0;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const line = body.slice(pos, nl);
    const raw = line.trim();
    // exact keys only for lines that could repeat the title or be captions; other lines by raw text
    const k = raw.length <= 200 ? keyLine(line) : raw;
    if (k) {
      let reason = '';
      if (tkey && k === tkey) reason = 'title';
      else if (seen.has(k) && k.length > 20) reason = 'duplicate';
      else if (isCaptionLine(line)) reason = 'caption';
      else if (/^\s*(اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|شاهد أيضا|Read more|Related:|See also)\b/i.test(line)) reason = 'related';
      if (reason) spans.push({ start: pos, end: nl, reason });
      seen.add(k);
    }
    pos = nl + 1;
  }
  return spans;
}
const LN_PAIR = /^[\p{L}\p{N}]$/u;
let KEY_BUF = new Uint16Array(512);
const KEY_SRC = new CodeUnits();

/** foldText(s) with every run of non-letters/numbers turned into one space, trimmed (one pass, no regex). */
function keyLine(s: string): string {
  const f = foldText(s);
  const ln = letterNumberTable();
  const n = f.length;
  if (KEY_BUF.length < n + 1) KEY_BUF = new Uint16Array(n * 2 + 16);
  const buf = KEY_BUF;
  const fu = KEY_SRC.of(f);
  let k = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = fu[i];
    let w = 0; // width of a letter/number at i (0 = separator)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = fu[i + 1];
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (LN_PAIR.test(f.slice(i, i + 2))) w = 2;
        else {
          i++;
          pendingSpace = true;
          continue;
        }
      }
    } else if (ln[c]) w = 1;
    if (!w) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && k > 0) buf[k++] = 32;
    pendingSpace = false;
    buf[k++] = c;
    if (w === 2) buf[k++] = fu[++i];
  }
  return codesToString(buf, k);
}

const CAPTION_END =
  /(أرشيفية|ارشيفية|تعبيرية|أرشيف|صورة أرشيفية|صورة تعبيرية|\(?(AFP|Reuters|Getty Images?|AP|EPA|file photo|photo|archive)\)?)\s*\.?\s*$/i;
function isCaptionLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 120) return false;
  const words = t.split(/\s+/).length;
  if (words > 14) return false;
  if (CAPTION_END.test(t)) return true;
  if (/^(صورة|الصورة|Photo|Image|Picture)\s*[:：-]/i.test(t)) return true;
  return false;
}

/** True when [start, end) overlaps any span. Spans are sorted. */
export function inSpans(spans: Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start >= end) return false;
    if (s.end > start) return true;
  }
  return false;
}
