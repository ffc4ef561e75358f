/** src/retry.ts: which methods may be repeated, and the delay before a retry. */
import { describe, expect, it } from 'vitest';
import { isIdempotent, parseRetryAfter, retryDelayMs } from '../../src/retry.js';

describe('retry rule', () => {
  it.each([
    ['GET', true],
    ['get', true],
    ['HEAD', true],
    ['OPTIONS', true],
    ['TRACE', true],
    ['PUT', true],
    ['DELETE', true],
    ['POST', false],
    ['PATCH', false],
    ['CONNECT', false],
  ])('isIdempotent(%s) = %s', (method, expected) => {
    expect(isIdempotent(method)).toBe(expected);
  });

  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }, 7000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:59 GMT' }, -1000],
    [{ 'retry-after': 'later' }, undefined],
    [{ 'retry-after-ms': 'x' }, undefined],
    [{}, undefined],
  ])('parseRetryAfter(%o) = %s', (headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), now)).toBe(expected);
  });

  it.each([
    { attempt: 1, random: 0, headers: undefined, expected: 500 },
    { attempt: 3, random: 0, headers: undefined, expected: 2000 },
    { attempt: 5, random: 0, headers: undefined, expected: 8000 },
    { attempt: 9, random: 0, headers: undefined, expected: 8000 },
    { attempt: 9, random: 1, headers: undefined, expected: 6000 },
    { attempt: 1, random: 0, headers: { 'retry-after': '60' }, expected: 60_000 },
    { attempt: 1, random: 0, headers: { 'retry-after': '61' }, expected: 500 },
    { attempt: 2, random: 0, headers: { 'retry-after': 'Tue, 31 Dec 2024 23:59:59 GMT' }, expected: 1000 },
  ])('retryDelayMs(attempt $attempt, random $random, $headers) = $expected', ({ attempt, random, headers, expected }) => {
    expect(retryDelayMs(attempt, headers && new Headers(headers), () => random, now)).toBe(expected);
  });
});
