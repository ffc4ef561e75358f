// @ts-check
/**
 * Local Redocly plugin: spec normalisations for vendor quirks.
 *
 * Fixes lint has to see are *preprocessors* (Redocly runs decorators only while
 * bundling); refinements only the bundle needs are *decorators*. Each lives in
 * its own file, named by its id, and is switched on in redocly.yaml as
 * `vendor-quirks/<id>`.
 *
 * The plugin is plain ESM JavaScript (type-checked by tsc through `checkJs`)
 * because the Redocly CLI loads it with Node's own loader, which cannot run
 * TypeScript on Node 20.
 */
import { DiscriminatorMappingRefObject } from './discriminator-mapping-ref-object.js';
import { KeywordsToExtensions } from './keywords-to-extensions.js';
import { OperationIdUrlSafe } from './operation-id-url-safe.js';
import { OperationIdUnique } from './operation-id-unique.js';
import { HeaderParamToSecurity } from './header-param-to-security.js';
import { JsonPatchOperation } from './json-patch-operation.js';
import { PathParametersMatch } from './path-parameters-match.js';
import { HoistDeepRefs } from './hoist-deep-refs.js';
import { oas3_2Types } from './oas3-2-types.js';
import { InfoDefaults } from './info-defaults.js';
import { ResponseDescription } from './response-description.js';
import { PathsDefault } from './paths-default.js';
import { NullableToTypeNull } from './nullable-to-type-null.js';
import { UnknownKeysToExtensions } from './unknown-keys-to-extensions.js';
import { codegenProfile } from './codegen-profile.js';

export default function vendorQuirksPlugin() {
  return {
    id: 'vendor-quirks',
    preprocessors: {
      oas3: {
        'discriminator-mapping-ref-object': DiscriminatorMappingRefObject,
        'keywords-to-extensions': KeywordsToExtensions,
        'operation-id-url-safe': OperationIdUrlSafe,
        'operation-id-unique': OperationIdUnique,
        'header-param-to-security': HeaderParamToSecurity,
        'path-parameters-match': PathParametersMatch,
        'hoist-deep-refs': HoistDeepRefs,
        'info-defaults': InfoDefaults,
        'response-description': ResponseDescription,
        'paths-default': PathsDefault,
        'nullable-to-type-null': NullableToTypeNull,
        'unknown-keys-to-extensions': UnknownKeysToExtensions,
        'json-patch-operation': JsonPatchOperation,
      },
    },
    // Also a decorator (configs written before it was a preprocessor keep working).
    decorators: {
      oas3: {
        'json-patch-operation': JsonPatchOperation,
      },
    },
    configs: {
      codegen: codegenProfile,
    },
    typeExtension: {
      oas3: oas3_2Types,
    },
  };
}
