/**
 * Idempotency keys: one random key per call of a non-idempotent method, sent
 * in the api's idempotency header on every attempt, so a server that saw the
 * first attempt can recognise the retry (IETF draft-ietf-httpapi-idempotency-key-header).
 */
const cryptoObject = (globalThis as { crypto?: Crypto }).crypto;

/** A UUID v4. `randomUUID` exists only in secure contexts (https, localhost); elsewhere it is built from `getRandomValues`. */
export function idempotencyKey(): string {
  if (typeof cryptoObject?.randomUUID === 'function') return cryptoObject.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoObject?.getRandomValues) cryptoObject.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
