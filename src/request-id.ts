/** The request id a response carries, read from the headers an api names. */

export const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid'];

/** The first non-empty value of `names` (response headers carrying a request id). */
export function readRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}
