/** src/redaction.ts: URLs and headers as errors and logs show them. */
import { describe, expect, it } from 'vitest';
import { redactHeaders, redactUrl } from '../../src/redaction.js';

describe('redactUrl', () => {
  it.each([
    ['https://api.example.com/v1/items?page=2', 'https://api.example.com/v1/items?page=2'],
    ['https://u:p@api.example.com/v1', 'https://api.example.com/v1'],
    ['https://u:p@w@api.example.com/v1?a=1', 'https://api.example.com/v1?a=1'],
    ['https://h/p?api_key=s&x=1', 'https://h/p?api_key=REDACTED&x=1'],
    ['https://h/p?Token=s&SECRET_thing=s&password=s&X-Amz-Signature=s&auth=s', 'https://h/p?Token=REDACTED&SECRET_thing=REDACTED&password=REDACTED&X-Amz-Signature=REDACTED&auth=REDACTED'],
    ['https://h/p?api%5Fkey=s', 'https://h/p?api%5Fkey=REDACTED'],
    ['https://h/p?apikey', 'https://h/p?apikey=REDACTED'],
    ['https://h/p?q=a%20b&keep=1#access_token=s', 'https://h/p?q=a%20b&keep=1'],
    ['/relative/{id}?token=s', '/relative/{id}?token=REDACTED'],
    ['https://h/path@with-at?x=1', 'https://h/path@with-at?x=1'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe('redactHeaders', () => {
  it('redacts credential headers and keeps the rest', () => {
    const headers = new Headers({
      authorization: 'Bearer s',
      'X-API-Key': 's',
      cookie: 's',
      'proxy-authorization': 's',
      'x-session-token': 's',
      'x-client-secret': 's',
      'www-authenticate': 'Basic',
      'content-type': 'application/json',
      'x-request-id': 'r1',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: 'REDACTED',
      'x-api-key': 'REDACTED',
      cookie: 'REDACTED',
      'proxy-authorization': 'REDACTED',
      'x-session-token': 'REDACTED',
      'x-client-secret': 'REDACTED',
      'www-authenticate': 'REDACTED',
      'content-type': 'application/json',
      'x-request-id': 'r1',
    });
  });
});
