/**
 * openapi-typescript 7.13's transform modules, imported directly (see
 * stages/openapi-typescript.ts for why). Its package exports `./*`, so these paths are
 * public files of the pinned version; test/codegen/types-stage.test.ts checks
 * that the output equals `openapiTS()`'s.
 */
declare module 'openapi-typescript/dist/transform/index.mjs' {
  import type { GlobalContext, OpenAPI3 } from 'openapi-typescript';
  import type ts from 'typescript';
  export default function transformSchema(schema: OpenAPI3, ctx: GlobalContext): ts.Node[];
}
declare module 'openapi-typescript/dist/lib/utils.mjs' {
  import type { OpenAPI3, OpenAPITSOptions, DiscriminatorObject } from 'openapi-typescript';
  export function scanDiscriminators(schema: OpenAPI3, options: OpenAPITSOptions): Record<string, DiscriminatorObject>;
  export function resolveRef<T>(schema: unknown, $ref: string, options: { silent: boolean }): T | undefined;
}
declare module 'openapi-typescript/dist/lib/ts.mjs' {
  import type ts from 'typescript';
  export function astToString(ast: ts.Node | ts.Node[] | ts.TypeElement | ts.TypeElement[]): string;
}
