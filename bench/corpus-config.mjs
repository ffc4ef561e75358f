/**
 * Prints the path of the project's redocly.yaml pointed at the vendors' full
 * specs in ../shared/corpus/ (test/support/corpus-config.mjs writes it):
 *
 *   node bench/corpus-config.mjs
 */
import { corpusConfig } from '../test/support/corpus-config.mjs';

process.stdout.write(`${corpusConfig()}\n`);
