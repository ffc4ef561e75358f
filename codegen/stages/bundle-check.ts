/**
 * Whether Redocly's bundle would change a preprocessed document at all, found
 * on the walk the preprocessors make anyway (stages/preprocess.ts), so that a
 * spec whose bundle is its own copy is not bundled.
 *
 * Redocly's bundler (bundle/bundle-visitor.js in @redocly/openapi-core)
 * changes a document only where one of these holds, and each is a reason
 * here to bundle:
 * - a decorator is on (checked by the caller);
 * - a `$ref` leads to another file or URL, or names its own file
 *   (`api.yaml#/x` is rewritten to `#/x`), or cannot be resolved;
 * - a `$ref` sits where Redocly's types expect a plain value (`example`,
 *   `default`, …): it is inlined;
 * - a discriminator's `mapping` or `defaultMapping` names anything but an
 *   existing `#/components/schemas/<name>` (the target is copied into the
 *   components under a new name);
 * - an Example has an `externalValue` (read and inlined);
 * - the document has no `components` object (the bundler adds one).
 *
 * A `$ref` the walk does not reach (inside an extension's value, say) is
 * not reached by the bundler either. The walk is the preprocessors' own, so
 * a preprocessor could add a `$ref` where the walk has already been: more
 * `$ref`s after the walk than before also means "bundle".
 * test/codegen/bundle-check.test.ts bundles every spec the check passes and
 * compares.
 */
import type { JsonObject } from '../lib/openapi.js';

type RefNode = { $ref: unknown };
type RefContext = { type: { name: string }; parent?: Record<string | number, unknown>; key?: string | number };

export interface BundleCheck {
  /** The visitor to walk with the preprocessors (read-only). */
  visitor: Record<string, unknown>;
  /** After the walk: whether the bundle could differ from `document`, whose JSON text is `json`. */
  bundleChanges(document: JsonObject, json: string): boolean;
}

export function bundleCheck(rootSource: unknown, document: unknown): BundleCheck {
  const refsBefore = countRefs(document);
  let changes = false;
  // Each ref node the walk saw, with the `$ref` it resolved.
  const refs = new Map<RefNode, unknown>();
  const discriminators: JsonObject[] = [];
  const visitor = {
    ref: {
      enter(node: RefNode, ctx: RefContext, resolved: { location?: { source: unknown }; node?: unknown }) {
        if (ctx.type.name === 'scalar' || !resolved.location || resolved.node === undefined || resolved.location.source !== rootSource) changes = true;
        // A string Redocly resolves as a ref (a discriminator mapping's value) comes as a made-up `{ $ref }`: checked below.
        if (ctx.key === undefined || typeof ctx.parent?.[ctx.key] !== 'string') refs.set(node, node.$ref);
      },
    },
    Discriminator: {
      enter(node: JsonObject) {
        discriminators.push(node);
      },
    },
    Example: {
      enter(node: JsonObject) {
        if (node.externalValue !== undefined) changes = true;
      },
    },
  };
  return {
    visitor,
    bundleChanges(document, json) {
      if (changes) return true;
      const components = document.components;
      if (components === null || typeof components !== 'object' || Array.isArray(components)) return true;
      for (const [node, seen] of refs) if (node.$ref !== seen || typeof seen !== 'string' || !seen.startsWith('#')) return true;
      if ((json.match(/"\$ref":/g) ?? []).length > refsBefore) return true;
      const schemas = (components as JsonObject).schemas;
      const isSchemaRef = (value: unknown) => {
        const name = typeof value === 'string' ? /^#\/components\/schemas\/([A-Za-z0-9_.-]+)$/.exec(value)?.[1] : undefined;
        return name !== undefined && schemas !== null && typeof schemas === 'object' && Object.hasOwn(schemas, name);
      };
      for (const d of discriminators) {
        if (d.defaultMapping !== undefined && !isSchemaRef(d.defaultMapping)) return true;
        const mapping = d.mapping;
        if (mapping !== undefined && (mapping === null || typeof mapping !== 'object' || !Object.values(mapping).every(isSchemaRef))) return true;
      }
      return false;
    },
  };
}

/** `$ref` keys in a parsed document, counted as its JSON text shows them (a shared YAML anchor once per use). */
function countRefs(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  if (Array.isArray(node)) for (const item of node) n += countRefs(item);
  else for (const key in node) n += (key === '$ref' ? 1 : 0) + countRefs((node as Record<string, unknown>)[key]);
  return n;
}
