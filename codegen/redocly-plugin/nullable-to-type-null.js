// @ts-check
/**
 * OpenAPI 3.0's `nullable: true` in a 3.1/3.2 document, where it is not a
 * keyword (`struct` stops on it) and JSON Schema spells it with the `null`
 * type. openapi-typescript reads `nullable` in any version and adds `| null`;
 * this writes what it means, so the types are the same and lint passes:
 * `type: T` → `type: [T, 'null']`; `oneOf`/`anyOf` get a `{ type: 'null' }`
 * member; `nullable: false` is dropped. A nullable schema with neither (a
 * `$ref` with the sibling, `allOf`, no type) is wrapped: `anyOf: [<the schema>, { type: 'null' }]`.
 * Reported as a warning.
 */
export function NullableToTypeNull() {
  /** @param {any} schema @param {any} ctx */
  const convert = (schema, ctx) => {
    if (ctx.specVersion === 'oas3_0' || !schema || typeof schema !== 'object' || !('nullable' in schema)) return;
    const nullable = schema.nullable === true;
    delete schema.nullable;
    if (nullable) {
      if (typeof schema.type === 'string') schema.type = schema.type === 'null' ? 'null' : [schema.type, 'null'];
      else if (Array.isArray(schema.type)) {
        if (!schema.type.includes('null')) schema.type.push('null');
      } else if (Array.isArray(schema.oneOf)) schema.oneOf.push({ type: 'null' });
      else if (Array.isArray(schema.anyOf)) schema.anyOf.push({ type: 'null' });
      else {
        const inner = { ...schema };
        for (const key of Object.keys(schema)) if (!/^(x-|description$|title$|readOnly$|writeOnly$|deprecated$|default$|example$)/.test(key)) delete schema[key];
        for (const key of Object.keys(schema)) delete inner[key];
        schema.anyOf = [inner, { type: 'null' }];
      }
    }
    ctx.report({
      message: `\`nullable\` is not a keyword in OpenAPI 3.1; ${nullable ? "written as the type 'null'" : 'dropped (it was false)'}`,
      location: ctx.location.child(['nullable']),
      forceSeverity: 'warn',
    });
  };
  return {
    Schema: { enter: convert },
    // `{ $ref, nullable: true }`: the walk visits the target, not the node that holds the sibling.
    ref: {
      /** @param {any} node @param {any} ctx */
      enter(node, ctx) {
        if (ctx.type?.name === 'Schema') convert(node, ctx);
      },
    },
  };
}
