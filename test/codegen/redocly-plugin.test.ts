/**
 * The vendor-quirks Redocly plugin: inline YAML in, lint problems and bundled
 * output out (the way Redocly tests its own rules).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundleFromString, createConfig, lintFromString, loadConfig } from '@redocly/openapi-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/run-cli.js';
import { hoistDeepRefs, kindOf } from '../../codegen/redocly-plugin/hoist-deep-refs.js';

async function configWith(preprocessors: Record<string, unknown>) {
  const dir = tempDir('plugin-test-');
  const path = join(dir, 'redocly.yaml');
  writeFileSync(
    path,
    JSON.stringify({ extends: ['recommended'], plugins: [join(REPO, 'codegen/redocly-plugin/index.js')], preprocessors }),
  );
  return loadConfig({ configPath: path });
}

async function run(source: string, preprocessors: Record<string, unknown>) {
  const config = await configWith(preprocessors);
  const problems = await lintFromString({ source, absoluteRef: '/spec.yaml', config });
  const { bundle } = await bundleFromString({ source, absoluteRef: '/spec.yaml', config });
  return { problems: problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`), bundled: bundle.parsed as any };
}

const spec = (body: string) => `openapi: 3.1.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
security: []
${body}`;

describe('vendor-quirks/discriminator-mapping-ref-object', () => {
  const source = spec(`paths: {}
components:
  schemas:
    U:
      oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
      discriminator:
        propertyName: restore
        mapping:
          'False': { $ref: '#/components/schemas/A' }
          'True': '#/components/schemas/B'
    A: { type: object, required: [restore], properties: { restore: { type: boolean, const: false } } }
    B: { type: object, required: [restore], properties: { restore: { type: boolean, const: true } } }
`);

  it('turns object-form mapping values into their $ref string, which clears struct', async () => {
    const off = await run(source, {});
    expect(off.problems).toContain('struct #/components/schemas/U/discriminator/mapping/False');
    const on = await run(source, { 'vendor-quirks/discriminator-mapping-ref-object': 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.bundled.components.schemas.U.discriminator.mapping).toEqual({
      False: '#/components/schemas/A',
      True: '#/components/schemas/B',
    });
  });
});

describe('vendor-quirks/keywords-to-extensions', () => {
  const source = spec(`paths: {}
components:
  schemas:
    S:
      type: object
      properties:
        a: { title: A, can_patch: true, type: string }
        b: { can_patch: false, x-can-patch: true, type: string }
        c: { optional_in_request: true, type: string }
`);

  it('renames listed keywords to x- extensions, keeping value and position; an explicit x- wins', async () => {
    const { problems, bundled } = await run(source, {
      'vendor-quirks/keywords-to-extensions': { keywords: ['can_patch', 'optional_in_request'] },
    });
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    const props = bundled.components.schemas.S.properties;
    expect(Object.keys(props.a)).toEqual(['title', 'x-can-patch', 'type']);
    expect(props.a['x-can-patch']).toBe(true);
    expect(props.b).toEqual({ 'x-can-patch': true, type: 'string' });
    expect(props.c).toEqual({ 'x-optional-in-request': true, type: 'string' });
  });

  it('does nothing without a keyword list (struct still reports the keyword)', async () => {
    const { problems } = await run(source, { 'vendor-quirks/keywords-to-extensions': 'on' });
    expect(problems).toContain('struct #/components/schemas/S/properties/a/can_patch');
  });
});

describe('vendor-quirks/operation-id-url-safe', () => {
  const source = spec(`paths:
  /a/{id}:
    get:
      operationId: 'GET-V4-/a/{id}'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
  /b:
    get:
      operationId: 'list b ünïcode'
      summary: s
      responses: { '200': { description: ok }, '400': { description: bad } }
    post:
      operationId: clean-id
      summary: s
      responses: { '200': { description: ok }, '400': { description: bad } }
`);

  it('rewrites unsafe ids readably, keeps the vendor id, leaves clean ids alone', async () => {
    const off = await run(source, {});
    expect(off.problems.filter((p) => p.startsWith('operation-operationId-url-safe'))).toHaveLength(2);
    const { problems, bundled } = await run(source, { 'vendor-quirks/operation-id-url-safe': 'on' });
    expect(problems.filter((p) => p.startsWith('operation-operationId-url-safe'))).toEqual([]);
    expect(bundled.paths['/a/{id}'].get.operationId).toBe('GET-V4-/a/:id');
    expect(bundled.paths['/a/{id}'].get['x-vendor-operation-id']).toBe('GET-V4-/a/{id}');
    expect(bundled.paths['/b'].get.operationId).toBe('list-b-n-code');
    expect(bundled.paths['/b'].post.operationId).toBe('clean-id');
    expect(bundled.paths['/b'].post['x-vendor-operation-id']).toBeUndefined();
  });
});

describe('vendor-quirks/header-param-to-security', () => {
  const source = `openapi: 3.1.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
paths:
  /a:
    get:
      operationId: a
      summary: s
      parameters:
        - { name: authorization, in: header, required: true, schema: { type: string } }
        - { name: X-Trace, in: header, schema: { type: string } }
      responses: { '200': { description: ok }, '400': { description: bad } }
  /b:
    get:
      operationId: b
      summary: s
      parameters:
        - $ref: '#/components/parameters/Key'
      responses: { '200': { description: ok }, '400': { description: bad } }
components:
  parameters:
    Key: { name: x-api-key, in: header, required: true, schema: { type: string } }
  securitySchemes:
    ApiKey: { type: apiKey, in: header, name: Authorization }
    Other: { type: apiKey, in: header, name: X-Api-Key }
`;

  it('moves credential header parameters into security requirements (case-insensitive, through $ref)', async () => {
    const off = await run(source, {});
    expect(off.problems.filter((p) => p.startsWith('security-defined'))).toHaveLength(2);
    const { problems, bundled } = await run(source, { 'vendor-quirks/header-param-to-security': 'on' });
    expect(problems.filter((p) => p.startsWith('security-defined') || p.includes('securitySchemes'))).toEqual([]);
    expect(bundled.paths['/a'].get.security).toEqual([{ ApiKey: [] }]);
    expect(bundled.paths['/a'].get.parameters.map((p: any) => p.name)).toEqual(['X-Trace']);
    expect(bundled.paths['/b'].get.security).toEqual([{ Other: [] }]);
    expect(bundled.paths['/b'].get.parameters).toBeUndefined();
  });
});

describe('the project config', () => {
  it('`npx redocly lint` (the CLI, no arguments) passes, as the library lint does inside generate', () => {
    const r = spawnSync(join(REPO, 'node_modules/.bin/redocly'), ['lint'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain('specs/scale-gp.yaml: validated');
    expect(out).toContain('specs/launchdarkly.yaml: validated');
  });

  it('the bundled spec is what the pipeline wrote (generated/*/openapi.yaml parses to an OpenAPI 3.x document of its root spec\'s version)', async () => {
    const { readFileSync } = await import('node:fs');
    const config = parse(readFileSync(join(REPO, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { root: string }> };
    for (const [api, { root }] of Object.entries(config.apis)) {
      const doc = parse(readFileSync(join(REPO, 'generated', api, 'openapi.yaml'), 'utf8'));
      // the version line of the root spec (YAML or JSON), without parsing a vendor's whole spec again
      const version = /^\s*"?openapi"?\s*:\s*"?'?([\d.]+)/m.exec(readFileSync(join(REPO, root), 'utf8'))?.[1];
      expect(doc.openapi, api).toMatch(/^3\.[01]\.\d+$/);
      expect(doc.openapi, api).toBe(version);
    }
  });
});

describe('vendor-quirks/operation-id-unique', () => {
  const source = spec(`paths:
  /accounts:
    post: { operationId: 'POST-V4-/accounts', summary: s, responses: { '200': { description: ok }, '400': { description: bad } } }
  /v4/accounts:
    post: { operationId: 'POST-V4-/accounts', summary: s, responses: { '200': { description: ok }, '400': { description: bad } } }
  /größe/{id}:
    get:
      operationId: 'größe'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
  /grüße/{id}:
    get:
      operationId: 'grüße'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
`);

  it('gives every operation of a shared id (also ids equal only once made URL-safe) METHOD-/path, injectively', async () => {
    const off = await run(source, { 'vendor-quirks/operation-id-url-safe': 'on' });
    expect(off.problems.filter((p) => p.startsWith('operation-operationId-unique'))).toHaveLength(2);
    const { problems, bundled } = await run(source, { 'vendor-quirks/operation-id-url-safe': 'on', 'vendor-quirks/operation-id-unique': 'on' });
    expect(problems.filter((p) => p.startsWith('operation-operationId-unique') || p.startsWith('operation-operationId-url-safe'))).toEqual([]);
    const ids = [
      bundled.paths['/accounts'].post,
      bundled.paths['/v4/accounts'].post,
      bundled.paths['/größe/{id}'].get,
      bundled.paths['/grüße/{id}'].get,
    ].map((o: any) => [o.operationId, o['x-vendor-operation-id']]);
    expect(ids).toEqual([
      ['POST-/accounts', 'POST-V4-/accounts'],
      ['POST-/v4/accounts', 'POST-V4-/accounts'],
      ['GET-/gr~C3~B6~C3~9Fe/~7Bid~7D', 'größe'],
      ['GET-/gr~C3~BC~C3~9Fe/~7Bid~7D', 'grüße'],
    ]);
  });
});

describe('vendor-quirks/path-parameters-match', () => {
  const source = spec(`paths:
  /things/{id}:
    parameters:
      - { name: stale, in: path, required: true, schema: { type: string } }
    get:
      operationId: getThing
      parameters:
        - { name: ID, in: path, required: true, schema: { type: string } }
        - { $ref: '#/components/parameters/Limit' }
      responses: { '200': { description: ok } }
    put:
      operationId: putThing
      parameters:
        - { $ref: '#/components/parameters/Id' }
      responses: { '200': { description: ok } }
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
    Id: { name: id, in: path, required: false, schema: { type: string } }
`);

  it('drops path parameters the template lacks, declares the ones it has, makes them required; lint then agrees', async () => {
    const off = await run(source, {});
    expect(off.problems.filter((p) => p.startsWith('path-parameters-defined')).length).toBeGreaterThan(0);
    const on = await run(source, { 'vendor-quirks/path-parameters-match': 'on' });
    expect(on.problems.filter((p) => p.startsWith('path-parameters-defined'))).toEqual([]);
    const item = on.bundled.paths['/things/{id}'];
    expect(item.parameters).toEqual([]);
    expect(item.get.parameters).toEqual([
      { $ref: '#/components/parameters/Limit' },
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(item.put.parameters).toEqual([{ $ref: '#/components/parameters/Id' }]);
    expect(on.bundled.components.parameters.Id.required).toBe(true);
  });
});

describe('vendor-quirks/hoist-deep-refs', () => {
  const source = spec(`paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: object, properties: { n: { type: integer } } } }
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema/items' }
components:
  schemas:
    Node:
      type: object
      properties:
        child: { type: object, properties: { next: { $ref: '#/components/schemas/Node/properties/child' } } }
`);

  it('copies deep targets into components and points every ref there, also refs inside the copies', async () => {
    const { bundled } = await run(source, { 'vendor-quirks/hoist-deep-refs': 'on' });
    expect(bundled.paths['/b'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AGetResponses200ApplicationJsonSchemaItems' });
    expect(bundled.components.schemas.AGetResponses200ApplicationJsonSchemaItems).toEqual({ type: 'object', properties: { n: { type: 'integer' } } });
    expect(bundled.components.schemas.NodeChild.properties.next).toEqual({ $ref: '#/components/schemas/NodeChild' });
    expect(bundled.components.schemas.Node.properties.child.properties.next).toEqual({ $ref: '#/components/schemas/NodeChild' });
  });

  it.each([
    ['a schema inside an operation', ['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'items'], 'Schema'],
    ['a parameter of a path item', ['paths', '/a', 'parameters', '0'], 'Parameter'],
    ['a response header', ['components', 'responses', 'R', 'headers', 'X-Rate'], 'Header'],
    ['a property of a composition member', ['components', 'schemas', 'P', 'allOf', '1', 'properties', 'tags'], 'Schema'],
    ['a reusable media type (3.2)', ['components', 'mediaTypes', 'M'], 'MediaType'],
    ['a callback path item', ['paths', '/a', 'post', 'callbacks', 'done', '{$request.body#/url}'], 'PathItem'],
    ['an unknown place', ['info', 'title'], undefined],
  ])('kindOf: %s', (_, segments, kind) => {
    expect(kindOf(segments)).toBe(kind);
  });

  it('refuses what it cannot copy: a media type that refers to itself, a ref to a whole section', () => {
    const doc = {
      openapi: '3.2.0',
      paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { $ref: '#/components/mediaTypes/M' } } } } } } },
      components: { mediaTypes: { M: { schema: { type: 'object' }, examples: { e: { $ref: '#/components/mediaTypes/M' } } } }, schemas: { S: { $ref: '#/components/schemas' } } },
    };
    expect(hoistDeepRefs(doc).errors).toEqual([
      '$ref "#/components/mediaTypes/M" points at a MediaType that refers to itself, which cannot be copied in place; move it to a component',
      '$ref "#/components/schemas" points at a whole section, not at one object; point it at a component',
    ]);
  });
});

describe('vendor-quirks typeExtension (OpenAPI 3.2 types of @redocly/openapi-core 2.64)', () => {
  const source = `openapi: 3.2.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
security: [{ oauth: [read] }]
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: { deviceAuthorization: { deviceAuthorizationUrl: 'https://example.com/d', tokenUrl: 'https://example.com/t', scopes: { read: r } } }
  mediaTypes:
    Json: { schema: { type: object } }
`;

  it('lints the OAuth device flow and reusable media types (the library alone throws / reports struct)', async () => {
    const bare = await createConfig({ extends: ['minimal'] });
    await expect(lintFromString({ source, absoluteRef: '/spec.yaml', config: bare })).rejects.toThrow(/Unknown type name found: string/);
    const { problems } = await run(source, {});
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
  });
});

describe('the cosmetic normalisers of the vendor-quirks/codegen profile', () => {
  const on = {
    'vendor-quirks/info-defaults': 'on',
    'vendor-quirks/response-description': 'on',
    'vendor-quirks/paths-default': 'on',
    'vendor-quirks/nullable-to-type-null': 'on',
    'vendor-quirks/unknown-keys-to-extensions': 'on',
  };
  const source = `openapi: 3.1.0
info: { version: 2 }
servers: [{ url: 'https://example.com', wrong: 1 }]
components:
  responses:
    Empty: { content: { application/json: { schema: { $ref: '#/components/schemas/N' } } } }
  schemas:
    N:
      type: object
      properties:
        a: { type: string, nullable: true }
        b: { oneOf: [{ type: string }, { type: integer }], nullable: true }
        c: { $ref: '#/components/schemas/M', nullable: true }
        d: { allOf: [{ $ref: '#/components/schemas/M' }], description: d, nullable: true }
        e: { type: integer, nullable: false }
    M: { type: object, x-unknown: kept }
`;

  it('turn each struct error into a warning and a normalised spec', async () => {
    const off = await run(source, {});
    expect(off.problems.filter((p) => p.startsWith('struct')).length).toBeGreaterThanOrEqual(6);
    const { problems, bundled } = await run(source, on);
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(bundled.info).toEqual({ version: '2', title: 'spec' });
    expect(bundled.paths).toEqual({});
    expect(bundled.servers).toEqual([{ url: 'https://example.com', 'x-wrong': 1 }]);
    expect(bundled.components.responses.Empty.description).toBe('');
    expect(bundled.components.schemas.N.properties).toEqual({
      a: { type: ['string', 'null'] },
      b: { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
      c: { anyOf: [{ $ref: '#/components/schemas/M' }, { type: 'null' }] },
      d: { description: 'd', anyOf: [{ allOf: [{ $ref: '#/components/schemas/M' }] }, { type: 'null' }] },
      e: { type: 'integer' },
    });
    expect(bundled.components.schemas.M).toEqual({ type: 'object', 'x-unknown': 'kept' });
  });
});
