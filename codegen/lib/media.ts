/**
 * How a body in one media type goes over the wire: the one rule shared by the
 * binary-types pass (what the types say) and the wrappers stage (what the
 * runtime in src/body.ts does), so the two cannot disagree.
 *
 * - `json`: `application/json` and every `…/…+json` (RFC 6839 structured suffix).
 * - `form`: `application/x-www-form-urlencoded`, encoded by the `encoding` object.
 * - `multipart`: `multipart/form-data`, one part per property.
 * - `text`: `text/*`, and any other media type whose schema is a plain string
 *   (GitHub's `application/vnd.github.diff`, `…patch`, `…sha`).
 * - `binary`: a `format: binary` string (or OpenAPI 3.1 `contentMediaType`
 *   without `contentEncoding`), a media type without a schema, or a wildcard.
 * - anything else with a schema that is not a string (`application/vnd.github.object`
 *   describing an object) is read and written as JSON, as the schema describes.
 * - `event-stream`: `text/event-stream` (responses only): handed over as a stream.
 */
import { deref, isObject, type JsonObject } from './openapi.js';

export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary' | 'event-stream';

/** The media type's essence: lower case, without parameters (`; charset=…`). */
export function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  const e = essence(mediaType);
  return /^[a-z0-9!#$&^_.-]+\/([a-z0-9!#$&^_.-]+\+)?json$/.test(e);
}

export function mediaKind(doc: unknown, mediaType: string, mediaObject: unknown): MediaKind {
  const e = essence(mediaType);
  if (isJsonMediaType(e)) return 'json';
  if (e === 'application/x-www-form-urlencoded') return 'form';
  if (e === 'multipart/form-data') return 'multipart';
  if (e === 'text/event-stream') return 'event-stream';
  const schema = deref(doc, isObject(mediaObject) ? mediaObject.schema : undefined);
  if (schema && isBinarySchema(schema)) return 'binary';
  if (e.startsWith('text/')) return 'text';
  if (!schema || e.includes('*')) return 'binary';
  return isStringSchema(schema) ? 'text' : 'json';
}

/** A string schema whose value is raw bytes: `format: binary`, or 3.1 `contentMediaType` without `contentEncoding`. */
export function isBinarySchema(schema: JsonObject): boolean {
  if (!isStringSchema(schema)) return false;
  return schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined);
}

function isStringSchema(schema: JsonObject): boolean {
  const type = schema.type;
  return type === 'string' || (Array.isArray(type) && type.includes('string') && type.every((t) => t === 'string' || t === 'null'));
}
