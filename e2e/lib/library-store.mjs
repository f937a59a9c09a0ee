// A user's library written straight into the app's IndexedDB store, in the
// layout the app stores it (src/user_library/idb.rs), for tests and
// benchmarks that need hundreds of documents without importing each one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `[key, stored JSON]` for `count` library records made from the bundled
 * corpus's documents, with ids `mine-{name}-{n}`. As a user's import has
 * them: no restored readings (those are the bundled corpus's own work); each
 * has a sentence of its own, so that no two are the same document.
 */
export async function libraryRecords(count, name) {
  const corpus = JSON.parse(await fs.readFile(path.join(REPO, 'corpus', 'corpus.json'), 'utf8'));
  const records = [];
  for (let n = 0; records.length < count; n += 1) {
    const doc = structuredClone(corpus.documents[n % corpus.documents.length]);
    doc.id = `mine-${name}-${n}`;
    for (const unit of doc.units) delete unit.restored;
    if (Array.isArray(doc.witness_readings)) doc.witness_readings = [];
    doc.units[0].text += `库文档编号${n}号。`;
    const provenance = {
      file_name: `${name}-${n}.txt`,
      imported_at: '2026-11-27T00:00:00.000Z',
      bytes: 1,
      corrections: [],
    };
    records.push([doc.id, JSON.stringify({ v: 1, record: { doc, provenance } })]);
  }
  return records;
}

/** Writes `records` into the library's store (created as the app does). */
export async function seedLibrary(page, records) {
  await page.evaluate(async (records) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('policy-explorer', 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains('user-documents')) {
          request.result.createObjectStore('user-documents');
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('user-documents', 'readwrite');
    for (const [key, value] of records) tx.objectStore('user-documents').put(value, key);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}
