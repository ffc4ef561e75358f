/**
 * Bounded reading: an error response's body is read into memory up to a
 * bound (`maxErrorBodyBytes`, default 1 MiB), the start kept and the rest not
 * downloaded, and a body cut that way is marked, so that ApiError can say so
 * (`bodyTruncated`).
 */

/** Error responses whose body the transport cut at its bound (response-body.ts). */
const truncatedBodies = new WeakSet<Response>();

/** Marks a Response whose body holds only the start of what the server sent. */
export function markBodyTruncated(response: Response): void {
  truncatedBodies.add(response);
}

/** Whether the body of this (error) response was cut at the transport's bound (`maxErrorBodyBytes`). */
export function isBodyTruncated(response: Response): boolean {
  return truncatedBodies.has(response);
}

/** Default bound on an error body read into memory: the start is kept, the rest is not read. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * Reads at most `max` bytes of a body, then cancels the rest (which also
 * releases the connection). A hostile server's 500 MB error page costs 1 MiB.
 */
export async function readBounded(body: ReadableStream<Uint8Array>, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > max) {
      chunks.push(value.subarray(0, max - length));
      length = max;
      truncated = true;
      // Not awaited: on a branch of a tee (a clone, as fromResponse reads) the cancel settles only once
      // the other branch is cancelled too, which may be never (the caller keeps the original to read).
      reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    length += value.byteLength;
  }
  const bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(length);
  if (chunks.length !== 1) {
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return { bytes, truncated };
}

/**
 * An error response's body for ApiError.fromResponse, read from a clone when
 * possible, up to `max` bytes: parsed JSON, the text when not JSON, undefined
 * when empty or unreadable.
 */
export async function readBody(response: Response, max: number): Promise<{ body: unknown; truncated: boolean }> {
  if (response.bodyUsed || response.body === null) return { body: undefined, truncated: false };
  let source = response;
  try {
    source = response.clone();
  } catch {
    // Locked stream: fall back to reading the original (and most likely fail below).
  }
  let read: { bytes: Uint8Array; truncated: boolean };
  try {
    read = await readBounded(source.body!, max);
  } catch {
    return { body: undefined, truncated: false };
  }
  const { truncated } = read;
  const text = new TextDecoder().decode(read.bytes);
  if (text.trim() === '') return { body: undefined, truncated };
  const type = response.headers.get('content-type') ?? '';
  // Also try JSON for bodies that look like it, since servers often mislabel
  // JSON errors as text/plain or omit the content type.
  if (/\bjson\b/i.test(type) || /^\s*[{[]/.test(text)) {
    try {
      return { body: JSON.parse(text) as unknown, truncated };
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  return { body: text, truncated };
}
