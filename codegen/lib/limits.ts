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
 * `maxDepth`, so the walk cannot overflow the stack. Sizes come from a count
 * of the nodes walked and the pointer is built only for a problem: a JSON
 * file (no aliases) costs one visit per node and nothing kept (18 → 6 ms on
 * a 2.4 MB spec, before the first stage).
 */
export function checkDocumentShape(root: unknown, limits: Limits, aliases: boolean): LimitProblem | undefined {
  // object → [expanded node count, height]; IN_PROGRESS while its children are walked.
  const seen = aliases ? new Map<object, [number, number]>() : undefined;
  let nodes = 0; // expanded nodes walked so far: an alias counts its target's
  let aliasNodes = 0;
  let problem: Omit<LimitProblem, 'pointer'> | undefined;
  const path: string[] = []; // the keys from the problem's node up, filled as the walk unwinds
  const FAILED = -1;
  const fail = (limit: keyof Limits, message: string): number => {
    problem = { limit, message };
    return FAILED;
  };

  /** The node's height, or FAILED once a limit is crossed (the walk then unwinds). */
  const visit = (node: unknown, depth: number): number => {
    nodes++;
    if (node === null || typeof node !== 'object') return 0;
    if (depth >= limits.maxDepth) return fail('maxDepth', `nested deeper than ${limits.maxDepth} levels`);
    if (seen) {
      const known = seen.get(node);
      if (known) {
        if (known[0] === IN_PROGRESS) return fail('maxYamlAliasNodes', 'a YAML alias refers to a node that contains it');
        nodes += known[0] - 1;
        aliasNodes += known[0];
        if (aliasNodes > limits.maxYamlAliasNodes) {
          return fail('maxYamlAliasNodes', `YAML aliases expand to more than ${limits.maxYamlAliasNodes} nodes`);
        }
        if (depth + known[1] >= limits.maxDepth) return fail('maxDepth', `nested deeper than ${limits.maxDepth} levels (through a YAML alias)`);
        return known[1];
      }
      seen.set(node, [IN_PROGRESS, 0]);
    }
    const before = nodes;
    let height = 0;
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    const count = keys ? keys.length : (node as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i]! : i;
      const h = visit((node as Record<string | number, unknown>)[key], depth + 1);
      if (h === FAILED) {
        path.push(String(key));
        return FAILED;
      }
      if (h + 1 > height) height = h + 1;
    }
    seen?.set(node, [nodes - before + 1, height]);
    return height;
  };
  if (visit(root, 0) !== FAILED || !problem) return undefined;
  return { ...(problem as Omit<LimitProblem, 'pointer'>), pointer: pointerOf(path.reverse()) };
}

/** `#/a/b~1c`, shortened in the middle when long (a pointer 200 levels deep is not readable). */
function pointerOf(path: readonly string[]): string {
  const escaped = path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'));
  const shown = escaped.length > 12 ? [...escaped.slice(0, 6), `…(${escaped.length - 10} more)…`, ...escaped.slice(-4)] : escaped;
  return `#/${shown.join('/')}`;
}
