import { describe, expect, it } from 'vitest';
import { camelCase, docComment, isSafeIdentifier, jsString, oneLine, pascalCase } from '../../codegen/lib/escape.js';

describe('escape', () => {
  it.each([
    ['comment terminator', 'a */ b', '/** a *\\/ b */\n'],
    ['newlines become lines', 'a\nb', '/**\n * a\n * b\n */\n'],
    ['line separators become lines', 'a\u2028b', '/**\n * a\n * b\n */\n'],
    ['control characters become spaces', 'a\u0000b\u001bc', '/** a b c */\n'],
  ])('docComment: %s', (_name, given, want) => {
    expect(docComment([given])).toBe(want);
  });

  it.each([
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['template syntax stays text', '`${x}`', '"`${x}`"'],
    ['line separators', '\u2028\u2029', '"\\u2028\\u2029"'],
  ])('jsString: %s', (_name, given, want) => {
    expect(jsString(given)).toBe(want);
    expect(JSON.parse(want)).toBe(given);
  });

  it('oneLine removes line breaks', () => {
    expect(oneLine('a\r\nb\u2028c')).toBe('a b c');
  });

  it.each([
    ['Update Application Spec', 'updateApplicationSpec', 'UpdateApplicationSpec'],
    ['patch-application', 'patchApplication', 'PatchApplication'],
    ['egp_api__ApplicationSpecResponse', 'egpApiApplicationSpecResponse', 'EgpApiApplicationSpecResponse'],
    ['200Response', '_200Response', '_200Response'],
    ['Größe', 'größe', 'Größe'],
    ['*/ evil(); /*', 'evil', 'Evil'],
    ['', '', ''],
  ])('names from %j', (given, camel, pascal) => {
    expect(camelCase(given)).toBe(camel);
    expect(pascalCase(given)).toBe(pascal);
    if (camel) expect(isSafeIdentifier(camel)).toBe(true);
  });

  it('reserved words are not safe identifiers', () => {
    expect(isSafeIdentifier('delete')).toBe(false);
    expect(isSafeIdentifier('default')).toBe(false);
    expect(isSafeIdentifier('a-b')).toBe(false);
    expect(isSafeIdentifier('ok')).toBe(true);
  });
});
