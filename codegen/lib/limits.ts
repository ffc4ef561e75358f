/**
 * Bounds on the work one spec can ask for (a spec is untrusted input: see
 * docs/threat-model.md). Each limit has a default and can be changed per api
 * in `redocly.yaml` under `x-codegen.limits`. A spec that crosses one stops the
 * run with one line naming the file, the JSON pointer where there is one, and
 * the limit; nothing is written.
 */
import { PipelineError } from './errors.js';

export interface Limits {
  /** Bytes read for one api: the root and every file or URL its `$ref`s reach, together. */
  maxInputBytes: number;
  /** Nesting of mappings and lists in one file (the deepest real spec we know has 25). */
  maxDepth: number;
  /** Nodes YAML aliases (`*anchor`) add when expanded, per file: a 900-byte alias bomb expands to billions. */
  maxYamlAliasNodes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxInputBytes: 32_000_000,
  maxDepth: 200,
  maxYamlAliasNodes: 100_000,
};

/** `x-codegen.limits` of one api (validated shape), merged over the defaults. */
export function readLimits(raw: unknown, where: string): Limits {
  if (raw === undefined || raw === null) return { ...DEFAULT_LIMITS };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new PipelineError(`${where}: limits must be a mapping`);
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, key)) {
      throw new PipelineError(`${where}: limits: unknown key "${key}" (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new PipelineError(`${where}: limits.${key} must be a positive integer`);
    }
    limits[key as keyof Limits] = value;
  }
  return limits;
}

/** Where a document crosses a limit: `{ rule, message, pointer }`, or undefined. */
export interface LimitProblem {
  limit: keyof Limits;
  message: string;
  pointer: string;
}

const IN_PROGRESS = -1;

/**
 * Checks a parsed file against `maxDepth` and, when `aliases` is set (a YAML
 * file: js-yaml returns one shared object for every alias of an anchor),
 * `maxYamlAliasNodes`. One walk; an object seen before is an alias, counted
 * with its memoised expanded size and height, so the walk itself stays linear
 * in the file however far the aliases would expand. Recursion stops at
 * `maxDepth`, so the walk cannot overflow the stack.
 */
export function checkDocumentShape(root: unknown, limits: Limits, aliases: boolean): LimitProblem | undefined {
  if (!aliases) return checkDepth(root, limits.maxDepth);
  const path: string[] = [];
  // object → [expanded node count, height]; IN_PROGRESS while its children are walked.
  const seen = aliases ? new Map<object, [number, number]>() : undefined;
  let aliasNodes = 0;
  let problem: LimitProblem | undefined;
  const fail = (limit: keyof Limits, message: string): [number, number] => {
    problem ??= { limit, message, pointer: pointerOf(path) };
    return [0, 0];
  };

  const visit = (node: unknown, depth: number): [number, number] => {
    if (node === null || typeof node !== 'object') return [1, 0];
    if (depth >= limits.maxDepth) return fail('maxDepth', `nested deeper than ${limits.maxDepth} levels`);
    if (seen) {
      const known = seen.get(node);
      if (known) {
        if (known[0] === IN_PROGRESS) return fail('maxYamlAliasNodes', 'a YAML alias refers to a node that contains it');
        aliasNodes += known[0];
        if (aliasNodes > limits.maxYamlAliasNodes) {
          return fail('maxYamlAliasNodes', `YAML aliases expand to more than ${limits.maxYamlAliasNodes} nodes`);
        }
        if (depth + known[1] >= limits.maxDepth) return fail('maxDepth', `nested deeper than ${limits.maxDepth} levels (through a YAML alias)`);
        return known;
      }
      seen.set(node, [IN_PROGRESS, 0]);
    }
    let size = 1;
    let height = 0;
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    const count = keys ? keys.length : (node as unknown[]).length;
    for (let i = 0; i < count && !problem; i++) {
      const key = keys ? keys[i]! : String(i);
      path.push(key);
      const [s, h] = visit((node as Record<string, unknown>)[key], depth + 1);
      path.pop();
      size += s;
      if (h + 1 > height) height = h + 1;
    }
    const result: [number, number] = [size, height];
    seen?.set(node, result);
    return result;
  };
  visit(root, 0);
  return problem;
}

/**
 * `maxDepth` alone, for a file without shared objects (JSON): the walk of
 * checkDocumentShape without the sizes and heights only aliases need (a pair
 * per node of a 2.6 MB spec, on the way to the first stage).
 */
function checkDepth(root: unknown, maxDepth: number): LimitProblem | undefined {
  const path: string[] = []; // filled from the too-deep node up, once found
  const tooDeep = (node: unknown, depth: number): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (depth >= maxDepth) return true;
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    const count = keys ? keys.length : (node as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i]! : i;
      if (tooDeep((node as Record<string | number, unknown>)[key], depth + 1)) {
        path.push(String(key));
        return true;
      }
    }
    return false;
  };
  if (!tooDeep(root, 0)) return undefined;
  return { limit: 'maxDepth', message: `nested deeper than ${maxDepth} levels`, pointer: pointerOf(path.reverse()) };
}

/** `#/a/b~1c`, shortened in the middle when long (a pointer 200 levels deep is not readable). */
function pointerOf(path: readonly string[]): string {
  const escaped = path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'));
  const shown = escaped.length > 12 ? [...escaped.slice(0, 6), `…(${escaped.length - 10} more)…`, ...escaped.slice(-4)] : escaped;
  return `#/${shown.join('/')}`;
}
