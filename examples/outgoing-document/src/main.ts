import { fileURLToPath } from 'node:url';
import { openStore } from './open-store.ts';
import { runOutgoingDocument } from './run-outgoing-document.ts';

// Everything stays in the example's .data/ between runs (GONGWEN_DATA_DIR chooses another
// folder): the PGlite database, the blobs, the seal material and the sealed PDFs.
const dataDir = process.env.GONGWEN_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
const { store, where } = await openStore(`${dataDir}/pglite`);
console.log(`数据库：${where}`);
try {
  const result = await runOutgoingDocument({ store, workDir: dataDir });
  console.log(`总用时 ${(result.timings.total / 1000).toFixed(1)} 秒`);
  const sealValid = result.verification.length > 0 && result.verification.every((v) => v.valid);
  if (!result.ledger.ok || !sealValid) process.exitCode = 1;
} finally {
  await store.close();
}
