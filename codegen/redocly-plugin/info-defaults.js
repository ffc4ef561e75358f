// @ts-check
/**
 * Fills in what `struct` requires of `info` when a vendor leaves it out or
 * gets its type wrong: a missing `info`, a missing `title` (the file's name
 * is used), a missing or non-string `version` (`version: 1` is a number in
 * YAML; it becomes the string "1"). Cosmetic: `info` reaches the client only
 * as the api's display name. Each change is reported as a warning.
 */
import { basename, extname } from 'node:path';

export function InfoDefaults() {
  return {
    Root: {
      /** @param {any} root @param {any} ctx */
      enter(root, ctx) {
        if (!root || typeof root !== 'object') return;
        /** @param {string} message */
        const warn = (message) => ctx.report({ message, location: ctx.location.child(['info']), forceSeverity: 'warn' });
        if (!root.info || typeof root.info !== 'object' || Array.isArray(root.info)) {
          root.info = {};
          warn('`info` is missing; an empty one is used');
        }
        const info = root.info;
        if (typeof info.title !== 'string') {
          const file = String(ctx.location?.source?.absoluteRef ?? 'api');
          info.title = basename(file, extname(file));
          warn(`\`info.title\` is missing; the file name "${info.title}" is used`);
        }
        if (typeof info.version !== 'string') {
          const was = info.version;
          info.version = was === undefined || was === null || typeof was === 'object' ? '' : String(was);
          warn(`\`info.version\` ${was === undefined ? 'is missing' : `is ${JSON.stringify(was)}, not a string`}; "${info.version}" is used`);
        }
      },
    },
  };
}
