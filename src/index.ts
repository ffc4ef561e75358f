/** The shared runtime of the generated clients. */
export { apiName, createApiClient, type ApiClient, type ApiDescriptor, type ClientOptions } from './client.js';
export {
  bindOperations,
  callOperation,
  isOk,
  isStatus,
  operationErrorGuard,
  type BoundClient,
  type BoundOperations,
  type CallOptions,
  type DeclaredStatus,
  type ErrorStatusOf,
  type OperationArgs,
  type OperationError,
  type OperationErrorGuard,
  type OperationResult,
  type RequestIdField,
  type Resolved,
  type StatusResponse,
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
  MissingApiKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseBodyError,
  UnprocessableEntityError,
  type ResponseBodyProblem,
} from './errors.js';
export { isBodyTruncated } from './bounded-read.js';
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
export { uncheckedPointer, type UncheckedPatchOperation, type UncheckedPointer, type WithBody } from './json-patch.js';
export type { AuthScheme } from './auth.js';
export type { RetryInfo } from './retry.js';
export type { Logger, LogLevel } from './logger.js';
