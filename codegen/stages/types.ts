/**
 * Stage 2: openapi-typescript → schema source text.
 *
 * openapiTS mutates the object it is given (it rewrites discriminator
 * properties in place), so it always gets a deep copy: the caller's bundled
 * document, which we also serialise and hand to mock servers, stays intact.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { PipelineError } from '../lib/errors.js';

export async function generateTypes(document: Record<string, unknown>, source: string): Promise<string> {
  try {
    const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, { silent: true });
    return astToString(ast);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.trim();
    throw new PipelineError(`${source}: openapi-typescript failed: ${message}`);
  }
}
