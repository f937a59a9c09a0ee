// A very long "bring your own copy" as the app stores it (src/stored_copy.rs):
// 4,000 units — 40 sections × 99 clauses made of a province's headings and
// clause openings — ten of them carrying 30,000-letter unbroken Latin runs.
// Shared by the long-comparison e2e test and the large-import bench.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus', 'corpus.json');

export const SECTIONS = 40;
export const CLAUSES = 99;
export const LATIN_RUN = 30_000;
export const LATIN_UNITS = 10;
/** The stored copy's key (src/stored_copy.rs). */
export const COPY_KEY = 'policy-explorer.my-copy';

/** Letters a–z, deterministic, no spaces: one unbroken Latin run. */
export function latinRun(seed, length) {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

/**
 * The stored value of the long copy, with how many units it has, how many
 * carry a Latin run, and how many units the central opinion has.
 */
export async function longStoredCopy() {
  const corpus = JSON.parse(await fs.readFile(CORPUS, 'utf8'));
  const province = corpus.documents.find((d) => d.id === 'sichuan');
  const central = corpus.documents.find((d) => d.id === 'central-2018');
  const sections = province.units.filter((u) => u.kind === 'section');
  const clauses = province.units.filter((u) => u.kind === 'clause');
  const provenance = { file: 'long-copy.txt', lines: [1, 1], reworded: false, also_in: [], repairs: [] };
  const units = [];
  let line = 1;
  let latin = 0;
  for (let s = 1; s <= SECTIONS; s += 1) {
    const heading = sections[s % sections.length].heading;
    units.push({ path: `${s}`, label: `${s}、`, kind: 'section', heading, text: heading,
      mechanisms: [], regions: [], provenance: { ...provenance, lines: [line, line] } });
    line += 1;
    for (let c = 1; c <= CLAUSES; c += 1) {
      let text = clauses[(s * CLAUSES + c) % clauses.length].text.slice(0, 70);
      if (latin < LATIN_UNITS && c === 50 && s % 4 === 0) {
        text += latinRun(s, LATIN_RUN);
        latin += 1;
      }
      units.push({ path: `${s}.${c}`, label: `（${c}）`, kind: 'clause', heading: null, text,
        mechanisms: [], regions: [], provenance: { ...provenance, lines: [line, line] } });
      line += 1;
    }
  }
  const doc = { ...province, id: 'my-copy', title: '长副本', level: null, jurisdiction: null, units,
    removals: [], metadata_sources: [], witness_readings: [] };
  const value = JSON.stringify({ v: 1, data: { source_name: 'long-copy.txt', bytes: line * 200, doc } });
  return { value, units: units.length, latin, centralUnits: central.units.length };
}
