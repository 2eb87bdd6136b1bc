/** An answer GitHub gives instead of the resource: thrown by routes, written by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  constructor(params: {
    status: number;
    message: string;
    extra?: Record<string, unknown>;
    headers?: Record<string, string>;
    docs?: string;
  }) {
    super(params.message);
    this.name = "ApiError";
    this.status = params.status;
    this.headers = params.headers ?? {};
    this.body = {
      message: params.message,
      ...params.extra,
      documentation_url: params.docs ?? "https://docs.github.com/rest",
      status: String(params.status),
    };
  }
}

/** GitHub's 404, also used for resources the caller may not see. */
export function notFound(message = "Not Found"): ApiError {
  return new ApiError({ status: 404, message });
}

/** GitHub's 422 for a well-formed request that breaks a rule (`already_exists`, `invalid`...). */
export function validationFailed(
  errors: readonly Record<string, unknown>[],
  message = "Validation Failed",
): ApiError {
  return new ApiError({ status: 422, message, extra: { errors } });
}

export function forbidden(message: string): ApiError {
  return new ApiError({ status: 403, message });
}
