/**
 * api-diff end to end, in a temporary git repository: the project's specs,
 * redocly.yaml and plugin, generated in-process, committed on `main`; then on
 * a branch a LaunchDarkly request property becomes required and an operation
 * is added, the project is regenerated, and api-diff runs in-process (and once
 * as a real process, as CI runs it) against several bases.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../codegen/api-diff/cli.js';
import { gitIn } from '../support/git.js';
import { copyProject, REPO, runMain, tempDir } from '../support/run-cli.js';

let dir: string;

const git = (...args: string[]) => gitIn(dir, ...args);

async function apiDiff(args: string[], cwd = dir) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A GET next to the PATCH: the same path, parameters and responses, no body. */
const GET_OPERATION = `    get:
      operationId: get-application
      summary: Get application
      parameters:
        - name: applicationKey
          in: path
          description: The application key
          required: true
          schema:
            type: string
            format: string
        - name: Authorization
          in: header
          required: true
          schema:
            type: string
      responses:
        '200':
          description: Application response
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ApplicationRep'
        '404':
          description: Invalid resource identifier
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/NotFoundErrorRep'
`;

beforeAll(async () => {
  dir = copyProject();
  git('init', '--quiet', '--initial-branch=main');
  const first = await runMain(['--quiet'], dir);
  expect(first.code, first.stderr).toBe(0);
  git('add', '.');
  git('commit', '--quiet', '-m', 'base');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD'); // what actions/checkout with fetch-depth 0 provides
  git('checkout', '--quiet', '-b', 'feature');

  const specPath = join(dir, 'specs/launchdarkly.yaml');
  let spec = readFileSync(specPath, 'utf8');
  const required = '      required:\n        - op\n        - path\n      title: PatchOperation\n';
  expect(spec).toContain(required);
  spec = spec.replace(required, '      required:\n        - op\n        - path\n        - value\n      title: PatchOperation\n');
  spec = spec.replace('  /api/v2/applications/{applicationKey}:\n', `  /api/v2/applications/{applicationKey}:\n${GET_OPERATION}`);
  writeFileSync(specPath, spec);
  const again = await runMain(['--quiet'], dir);
  expect(again.code, again.stderr).toBe(0);
});

describe('api-diff in a git repository', () => {
  it('names the change and its class, and the new operation and exports (--base HEAD)', async () => {
    const r = await apiDiff(['--base', 'HEAD']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const md = r.stdout;
    expect(md).toMatch(/^## API changes: `HEAD \([0-9a-f]{12}\)` → working tree\n/);
    expect(md).toContain('**1 breaking change**');
    expect(md).toContain('(unchanged: scale-gp)');
    expect(md).toContain('| launchdarkly | 1 | 1 | 1 added, 0 removed, 1 changed |');
    expect(md).toContain(
      '### Breaking changes\n\n#### launchdarkly\n\n| schema or symbol | change | where |\n|---|---|---|\n| `PatchOperation.value` | optional → required <sub>property-became-required</sub> | `PATCH /api/v2/applications/{applicationKey}` request body |\n',
    );
    // the new operation is one change, with the exports (generated/launchdarkly/*.ts at HEAD and now) it adds
    expect(md).toContain(
      '### Other changes\n\n#### launchdarkly\n\n| schema or symbol | change | where |\n|---|---|---|\n|  | operation added (`get-application`) <sub>operation-added</sub><br>exports added: `LaunchDarklyClient.getApplication`, `GetApplicationArgs`, `GetApplicationResult`, `getApplication`, `isGetApplicationError`, ',
    );
    expect(md).toContain('`paths["/api/v2/applications/{applicationKey}"].get`, `LaunchDarklyFakeOperations.getApplication` | `GET /api/v2/applications/{applicationKey}` |\n');
  });

  it('--fail-on-breaking exits 1 (and still prints the report); --json gives the same as data', async () => {
    const failing = await apiDiff(['--base', 'HEAD', '--fail-on-breaking']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('PatchOperation.value');

    const json = await apiDiff(['--base', 'HEAD', '--json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { summary: { breaking: number }; apis: Array<{ api: string; status: string; changes: Array<Record<string, unknown>> }> };
    expect(data.summary.breaking).toBe(1);
    expect(data.apis.map((a) => [a.api, a.status])).toEqual([
      ['launchdarkly', 'changed'],
      ['scale-gp', 'unchanged'],
    ]);
    expect(data.apis[0]!.changes).toContainEqual({
      rule: 'property-became-required',
      severity: 'breaking',
      operation: 'PATCH /api/v2/applications/{applicationKey}',
      location: 'request body',
      subject: 'PatchOperation.value',
      message: 'optional → required',
    });
  });

  it('defaults to the merge-base with main; compares with any ref, e.g. origin/main as CI does; filters apis', async () => {
    const byDefault = await apiDiff([]);
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(byDefault.stdout).toMatch(/^## API changes: `merge-base of HEAD and main \([0-9a-f]{12}\)` → working tree\n/);
    const ci = await apiDiff(['--base', 'origin/main']);
    expect(ci.stdout.split('\n').slice(1)).toEqual(byDefault.stdout.split('\n').slice(1));
    const one = await apiDiff(['scale-gp', '--base', 'origin/main']);
    expect(one.stdout).toContain('No changes to the generated apis (scale-gp).');
  });

  it('runs as CI runs it: a separate process; the exit code carries --fail-on-breaking', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), join(REPO, 'codegen/api-diff/cli.ts'), '--base', 'origin/main', '--fail-on-breaking'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('`PatchOperation.value`');
  });

  it('the workflow runs exactly these commands, and each one works here', async () => {
    const workflow = parse(readFileSync(join(REPO, '.github/workflows/api-review.yml'), 'utf8')) as {
      on: unknown;
      jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }> }>;
    };
    expect(Object.keys(workflow.on as object)).toEqual(['pull_request']);
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const commands = steps.flatMap((s) => (s.run ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
    expect(commands).toEqual([
      'npm ci', // .ci/run's install
      'npm run generate -- --check',
      'npm test', // .ci/run's tests (this suite)
      'npm run -s api-diff -- --base "origin/$BASE_REF" --output api-diff-full.md --output api-diff.json > api-diff.md',
      'cat api-diff.md >> "$GITHUB_STEP_SUMMARY"',
    ]);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.find((s) => s.run?.includes('api-diff'))?.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(steps.find((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment'))?.with).toEqual({ header: 'api-review', path: 'api-diff.md' });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with).toEqual({ name: 'api-diff', path: 'api-diff-full.md\napi-diff.json\n' });

    // `generate -- --check` on this repository's (regenerated) tree
    const check = await runMain(['--check', '--quiet'], dir);
    expect(check.code, check.stderr).toBe(0);
    // `api-diff -- --base "origin/$BASE_REF"` with BASE_REF=main, the branch the PR targets
    const args = commands[3]!.replace(/^npm run -s api-diff -- /, '').replace(/ > api-diff\.md$/, '').replace('"origin/$BASE_REF"', 'origin/main').split(' ');
    expect(args).toEqual(['--base', 'origin/main', '--output', 'api-diff-full.md', '--output', 'api-diff.json']);
    const report = await apiDiff(args);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('| `PatchOperation.value` | optional → required');
    // the files the artifact uploads: the full Markdown (here as short as the comment) and the JSON
    expect(readFileSync(join(dir, 'api-diff-full.md'), 'utf8')).toBe(report.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'api-diff.json'), 'utf8'))).toEqual(JSON.parse((await apiDiff(['--base', 'origin/main', '--json'])).stdout));
    rmSync(join(dir, 'api-diff-full.md'));
    rmSync(join(dir, 'api-diff.json'));
  });

  it('errors are one line with exit code 2: unknown ref, unknown api, not a repository, bad flag', async () => {
    const badRef = await apiDiff(['--base', 'no-such-branch']);
    expect([badRef.code, badRef.stderr]).toEqual([2, 'error: unknown git ref "no-such-branch"\n']);
    const badApi = await apiDiff(['nope', '--base', 'HEAD']);
    expect(badApi.code).toBe(2);
    expect(badApi.stderr).toMatch(/^error: unknown api "nope" \(in generated\/ at HEAD \([0-9a-f]{12}\) or now: launchdarkly, scale-gp\)\n$/);
    const notRepo = await apiDiff(['--base', 'HEAD'], tempDir());
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/^error: not a git repository: /);
    expect((await apiDiff(['--bogus'])).code).toBe(2);
    const badOutput = await apiDiff(['--base', 'HEAD', '--output', 'no-such-dir/report.md']);
    expect([badOutput.code, badOutput.stderr]).toEqual([2, 'error: --output no-such-dir/report.md: ENOENT\n']);
  });

  it('once the change is committed, HEAD has nothing new and main still shows it', async () => {
    git('add', '.');
    git('commit', '--quiet', '-m', 'LaunchDarkly: PatchOperation.value required; GET application');
    const head = await apiDiff(['--base', 'HEAD', '--fail-on-breaking']);
    expect(head.code).toBe(0);
    expect(head.stdout).toContain('No changes to the generated apis (launchdarkly, scale-gp).');
    const main_ = await apiDiff(['--base', 'main', '--fail-on-breaking']);
    expect(main_.code).toBe(1);
    expect(main_.stdout).toContain('`PatchOperation.value`');
  });
});
