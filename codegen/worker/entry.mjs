// Bootstrap of the schema worker thread. The pipeline is TypeScript run by tsx;
// a worker thread does not inherit a loader registered in a test runner, so
// the worker module is imported through tsx's scoped API, which works in both.
import { tsImport } from 'tsx/esm/api';

await tsImport('./schema-worker.ts', import.meta.url);
