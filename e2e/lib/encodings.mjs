// Texts as other programs save them: GBK / GB18030 (Chinese Windows,
// government sites), UTF-16 (Notepad's "Unicode"), UTF-8 with a BOM.
// Node ships only UTF-8 encoders, so the GB18030 encoder is built from
// Node's own GB18030 *decoder* (ICU): every two-byte sequence is decoded
// once and the table inverted; four-byte sequences are given explicitly.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const RAW_DIR = path.join(HERE, '..', '..', 'corpus', 'raw');

/** A committed raw corpus text whose name starts with `prefix`. */
export async function rawText(prefix) {
  const names = await fs.readdir(RAW_DIR);
  const name = names.find((n) => n.startsWith(prefix));
  return fs.readFile(path.join(RAW_DIR, name), 'utf8');
}

let twoByte;

function twoByteTable() {
  if (twoByte) return twoByte;
  twoByte = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      let ch;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && ch !== '\ufffd' && !twoByte.has(ch)) twoByte.set(ch, [lead, trail]);
    }
  }
  return twoByte;
}

/** Four-byte GB18030 sequences the tests use (checked against the decoder). */
const FOUR_BYTE = new Map([['㐀', [0x81, 0x39, 0xee, 0x39]]]);

/** `text` in GB18030 (GBK when it only uses two-byte characters). */
export function gb18030(text) {
  const table = twoByteTable();
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch));
    else if (FOUR_BYTE.has(ch)) out.push(...FOUR_BYTE.get(ch));
    else throw new Error(`no GB18030 bytes for ${ch} (U+${code.toString(16)}) in the test encoder`);
  }
  return Buffer.from(out);
}

/** `text` in UTF-16, little- or big-endian, with or without a BOM. */
export function utf16(text, { bigEndian = false, bom = true } = {}) {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c).flatMap((c) => {
    const out = [];
    for (let i = 0; i < c.length; i += 1) out.push(c.charCodeAt(i));
    return out;
  })];
  const buffer = Buffer.alloc(units.length * 2);
  units.forEach((unit, i) => {
    if (bigEndian) buffer.writeUInt16BE(unit, i * 2);
    else buffer.writeUInt16LE(unit, i * 2);
  });
  return buffer;
}

/** `text` in UTF-8 with a byte-order mark. */
export function utf8Bom(text) {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals: 七, 十二, 九十九. */
export function chineseNumber(n) {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/**
 * A long policy text with a known structure: a title, then `sections`
 * sections 一、… each with `clauses` clauses （一）…, every clause a different
 * corpus sentence with its own number, so nothing collapses as repeated.
 */
export function largePolicy(sentences, sections, clauses) {
  const lines = ['关于大规模测试文本的实施意见', ''];
  let k = 0;
  for (let s = 1; s <= sections; s += 1) {
    lines.push(`${chineseNumber(s)}、第${s}部分的工作安排`);
    for (let c = 1; c <= clauses; c += 1) {
      const sentence = sentences[k % sentences.length];
      k += 1;
      lines.push(`（${chineseNumber(c)}）${sentence}，此为第${s}部分第${c}项。`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Corpus sentences usable as clause bodies. */
export function sentencesOf(text) {
  return text
    .split(/[。\n]/)
    .map((s) => s.trim().replace(/^([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/, ''))
    .filter((s) => s.length >= 12 && s.length <= 80);
}
