import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runPipeline, type ApiResult } from '../../codegen/pipeline.js';

const GOLDEN = join(import.meta.dirname, '../golden/__golden__');

/**
 * Runs the pipeline on test/fixtures/<fixture>/redocly.yaml and adds one test
 * per emitted file comparing it with its golden under test/golden/__golden__/
 * (update deliberately with `npx vitest run test/golden -u`). Call inside a describe.
 */
export async function goldenFixture(fixture: string): Promise<ApiResult[]> {
  const dir = join(import.meta.dirname, '../fixtures', fixture);
  const results = await runPipeline({
    configPath: join(dir, 'redocly.yaml'),
    display: (p) => p.slice(dir.length + 1),
    runtimeImport: '../../../../src/index.js',
  });
  for (const result of results) {
    for (const [file, content] of result.files) {
      it(`${file} matches its golden`, async () => {
        await expect(content).toMatchFileSnapshot(join(GOLDEN, file));
      });
    }
  }
  return results;
}
