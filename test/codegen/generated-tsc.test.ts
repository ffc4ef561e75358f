/** Everything under generated/ compiles on its own with `tsc --strict`. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';
import { strictDiagnostics } from '../support/tsc.js';

describe('generated/', () => {
  it('compiles with tsc --strict', () => {
    const dir = join(REPO, 'generated');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(strictDiagnostics(files)).toEqual([]);
  });
});
