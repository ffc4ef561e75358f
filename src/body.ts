/**
 * Request and response bodies in the media types the specs declare, through
 * openapi-fetch's own hooks: the body is encoded here and handed over with a
 * per-request `bodySerializer`, the response is read with `parseAs`.
 *
 * Each generated wrapper whose operation is not plain JSON passes an
 * `OperationMedia` (written by codegen/stages/wrappers.ts from the spec, with
 * the kinds of codegen/lib/media.ts). Encodings follow OpenAPI 3.1 §4.8.14
 * (Media Type), §4.8.15 (Encoding Object) and the "Special Considerations"
 * for `multipart` and `application/x-www-form-urlencoded`.
 */
import type { RequestBodyOption } from 'openapi-fetch';
import { InvalidRequestError } from './errors.js';

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** One property's Encoding Object (OpenAPI §4.8.15), as far as it changes the bytes. */
export interface PartEncoding {
  contentType?: string;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

export interface RequestMedia {
  type: string;
  kind: BodyKind;
  encoding?: Readonly<Record<string, PartEncoding>>;
}

/** What a wrapper knows about its operation's bodies. */
export interface OperationMedia {
  /** The request body's media types, the default (JSON when there is one) first. */
  request?: readonly RequestMedia[];
  /** How a 2xx body is read (openapi-fetch's `parseAs`); absent: JSON. */
  response?: 'text' | 'blob' | 'stream';
}

/** What a binary request body (`application/octet-stream`, `image/png`, …) may be. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

type RequestContent<Op> = Op extends { requestBody?: infer B } ? (NonNullable<B> extends { content: infer C } ? C : never) : never;

/** openapi-fetch's `body` option for `Op` as if `M` were its only media type (keeps required/optional). */
type BodyFor<Op, M extends PropertyKey> = RequestBodyOption<{
  [K in keyof Op as K extends 'requestBody' ? K : never]: { content: Pick<RequestContent<Op>, M & keyof RequestContent<Op>> };
}>;

/**
 * The body of an operation that accepts several media types: `{ body }` in
 * the default one, or `{ contentType, body }` in any other, each body typed
 * by its own media type.
 */
export type BodyChoice<Op, Default extends string> = {
  [M in keyof RequestContent<Op> & string]: (M extends Default ? { contentType?: M } : { contentType: M }) & BodyFor<Op, M>;
}[keyof RequestContent<Op> & string];

/** A wrapper's arguments with the body replaced by the typed media type choice. */
export type WithBodyChoice<Args, Op, Default extends string> = Omit<Args, 'body'> & BodyChoice<Op, Default>;

/** Per-call option of a wrapper with a binary response: the body as a stream, not read into a Blob. */
export interface AsStream {
  parseAs: 'stream';
}

/**
 * A result whose 2xx `data` is `D`: a Blob or a stream, as the runtime reads a
 * binary or event-stream response. (openapi-fetch's own result type passes
 * `data` through its `Readable<>`, which turns a Blob's methods into `{}`.)
 */
export type WithData<R, D> = R extends { data: unknown; error?: never } ? Omit<R, 'data'> & { data: D } : R;

/**
 * Fills openapi-fetch's per-request options for `media`: `bodySerializer`
 * returning the encoded body, the `Content-Type` header, `duplex` for a
 * stream, and `parseAs`. `init.headers` (the caller's per-call headers) is
 * copied, never mutated.
 */
export function applyMedia(init: Record<string, unknown>, media: OperationMedia, contentType: unknown, body: unknown, parseAs?: unknown): void {
  if (media.response) init.parseAs = media.response === 'blob' && parseAs === 'stream' ? 'stream' : media.response;
  if (!media.request || body === undefined) return;
  const chosen = contentType === undefined ? media.request[0] : media.request.find((m) => m.type === contentType);
  if (!chosen) {
    throw new InvalidRequestError(
      `contentType ${JSON.stringify(contentType)} is not one this operation accepts (${media.request.map((m) => m.type).join(', ')})`,
      { parameter: 'contentType' },
    );
  }
  const encoded = encodeBody(chosen, body);
  init.bodySerializer = () => encoded.body;
  if (encoded.body instanceof ReadableStream) init.duplex = 'half';
  // The caller's own Content-Type (per-call headers) still wins, as with JSON.
  init.headers = { 'Content-Type': encoded.contentType, ...(init.headers as Record<string, string> | undefined) };
}

interface Encoded {
  body: string | Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;
  contentType: string;
}

/** Encodes `body` as `media` says; refuses (before anything is sent) a value that kind cannot carry. */
export function encodeBody(media: RequestMedia, body: unknown): Encoded {
  const { type, kind } = media;
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(body), contentType: type };
    case 'text':
      if (typeof body !== 'string') throw refused(type, 'a string', body);
      return { body, contentType: type };
    case 'binary':
      if (!isBinary(body)) throw refused(type, 'a Blob, ArrayBuffer, typed array or ReadableStream', body);
      // A wildcard (`*/*`, `image/*`) says nothing concrete: the Blob's own type, else octet-stream.
      return { body, contentType: concrete(type) ?? ((body instanceof Blob && body.type) || 'application/octet-stream') };
    case 'form':
      if (!isPlainObject(body)) throw refused(type, 'an object', body);
      return { body: encodeForm(body, media.encoding), contentType: type };
    case 'multipart': {
      if (!isPlainObject(body)) throw refused(type, 'an object', body);
      const boundary = newBoundary();
      return { body: encodeMultipart(body, media.encoding, boundary), contentType: `multipart/form-data; boundary=${boundary}` };
    }
  }
}

function refused(mediaType: string, what: string, value: unknown): InvalidRequestError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return new InvalidRequestError(`a ${mediaType} body must be ${what}, got ${got}`, { parameter: 'body' });
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBinary(value);
}

/** A single media type without wildcards, else undefined (`image/*`, `image/png, image/jpeg`). */
function concrete(mediaType: string | undefined): string | undefined {
  return mediaType && !/[*,]/.test(mediaType) ? mediaType : undefined;
}

function scalar(value: unknown): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * `application/x-www-form-urlencoded` name/value pairs (OpenAPI §4.8.15.4 and
 * the style table of §4.8.12.4). Each property defaults to `style: form,
 * explode: true`. `deepObject` nests to any depth, `name[key][sub]=…`, and
 * numbers array items, `name[0]=…`: OpenAPI leaves arrays in deepObject
 * undefined, and this is how Stripe, whose spec is deepObject throughout,
 * reads them (stripe-node encodes with qs `arrayFormat: 'indices'`).
 * `undefined` is left out; `null` is sent as an empty value (Stripe's "unset").
 */
export function formPairs(body: Record<string, unknown>, encoding?: Readonly<Record<string, PartEncoding>>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const style = encoding?.[name]?.style ?? 'form';
    const explode = encoding?.[name]?.explode ?? style === 'form';
    if (style === 'deepObject') {
      deep(pairs, name, value);
    } else if (Array.isArray(value)) {
      if (explode) for (const item of value) pairs.push([name, scalar(item)]);
      else pairs.push([name, value.map(scalar).join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',')]);
    } else if (isPlainObject(value)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (explode) for (const [k, v] of entries) pairs.push([k, scalar(v)]);
      else pairs.push([name, entries.flatMap(([k, v]) => [k, scalar(v)]).join(',')]);
    } else {
      pairs.push([name, scalar(value)]);
    }
  }
  return pairs;
}

function deep(pairs: Array<[string, string]>, name: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value)) value.forEach((item, i) => deep(pairs, `${name}[${i}]`, item));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) deep(pairs, `${name}[${k}]`, v);
  else pairs.push([name, scalar(value)]);
}

/** The form body; brackets are left readable (`address[city]=Paris`), as Stripe's own SDK sends them. */
export function encodeForm(body: Record<string, unknown>, encoding?: Readonly<Record<string, PartEncoding>>): string {
  return new URLSearchParams(formPairs(body, encoding)).toString().replace(/%5B/g, '[').replace(/%5D/g, ']');
}

function newBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `----vendor-api-clients-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Names and filenames in Content-Disposition, escaped as browsers do (WHATWG HTML, multipart/form-data encoding). */
function quoted(value: string): string {
  return `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

/**
 * `multipart/form-data` (RFC 7578; OpenAPI §4.8.14.4 "Special Considerations
 * for multipart Content"), one part per property:
 * - a Blob (a File is one) is a file part: filename the File's name (else
 *   `blob`, as FormData does), Content-Type the encoding's `contentType`, else
 *   the Blob's type, else `application/octet-stream`;
 * - an array is one part per item, under the same name;
 * - an object is a JSON part (`application/json`, or the encoding's type);
 * - a primitive is a text part (no Content-Type, so `text/plain`, unless the
 *   encoding names one);
 * - a property whose encoding sets `style` (Stripe's `deepObject` on
 *   `POST /v1/files`) is sent as the form fields that style gives,
 *   `file_link_data[create]=true`, one text part each.
 * Built by hand rather than with FormData because FormData cannot give a
 * non-file part a Content-Type: a JSON part would arrive as a file named "blob".
 * The result is a Blob, so file contents are not copied into memory here.
 */
export function encodeMultipart(body: Record<string, unknown>, encoding: Readonly<Record<string, PartEncoding>> | undefined, boundary: string): Blob {
  const chunks: Array<string | Blob | ArrayBuffer | ArrayBufferView> = [];
  const part = (name: string, headers: string, data: string | Blob | ArrayBuffer | ArrayBufferView) => {
    chunks.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}${headers}\r\n\r\n`, data, '\r\n');
  };
  const typeHeader = (type: string) => {
    if (/[\r\n]/.test(type)) throw new InvalidRequestError(`multipart part type ${JSON.stringify(type)} contains a line break`, { parameter: 'body' });
    return `\r\nContent-Type: ${type}`;
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const enc = encoding?.[name];
    if (enc?.style !== undefined) {
      for (const [n, v] of formPairs({ [name]: value }, { [name]: enc })) part(n, '', v);
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      const declared = concrete(enc?.contentType);
      if (item instanceof Blob) {
        const filename = typeof (item as File).name === 'string' && (item as File).name !== '' ? (item as File).name : 'blob';
        part(name, `; filename=${quoted(filename)}${typeHeader(declared ?? (item.type || 'application/octet-stream'))}`, item);
      } else if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
        part(name, `; filename="blob"${typeHeader(declared ?? 'application/octet-stream')}`, item);
      } else if (item instanceof ReadableStream) {
        throw new InvalidRequestError(`multipart field ${JSON.stringify(name)}: a ReadableStream cannot be a part; pass a Blob`, { parameter: 'body' });
      } else if (typeof item === 'object' && item !== null) {
        part(name, typeHeader(declared ?? 'application/json'), JSON.stringify(item));
      } else {
        part(name, declared && declared !== 'text/plain' ? typeHeader(declared) : '', scalar(item));
      }
    }
  }
  chunks.push(`--${boundary}--\r\n`);
  return new Blob(chunks as BlobPart[]);
}
