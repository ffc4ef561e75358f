/** The shared runtime of the generated clients. */
export { createApiClient, type ApiClient, type ApiDescriptor, type ClientOptions } from './client.js';
export {
  bindOperations,
  callOperation,
  type BoundClient,
  type BoundOperations,
  type CallOptions,
  type OperationArgs,
  type OperationResult,
  type RequestIdField,
  type SuccessResult,
} from './operation.js';
export {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BrowserNotAllowedError,
  BadRequestError,
  ClientError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  isBodyTruncated,
  MissingApiKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
export type {
  AsStream,
  BinaryBody,
  BodyChoice,
  BodyKind,
  OperationMedia,
  PartEncoding,
  RequestMedia,
  WithBodyChoice,
  WithData,
} from './body.js';
export type { AuthScheme } from './auth.js';
export type { RetryInfo } from './transport.js';
export type { Logger, LogLevel } from './logger.js';
