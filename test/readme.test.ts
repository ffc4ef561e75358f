/** The README's usage example (```ts example blocks) compiles against the generated package. */
import { expect, it } from 'vitest';
import { readmeExampleDiagnostics } from './support/readme-example.js';

it('README examples type-check under --strict', { timeout: 180_000 }, () => {
  const { blocks, diagnostics } = readmeExampleDiagnostics();
  expect(blocks).toBeGreaterThan(0);
  expect(diagnostics).toEqual([]);
});
