// Typed calls to the same-origin API. Every failure becomes an ApiError
// carrying the HTTP status, the server's `reason` and template `errors`.
import type {
  AppConfig,
  LinkInfo,
  RenderResponse,
  Sample,
  Template,
  TemplateError,
  TemplateResponse,
} from "./types";

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Machine-readable reason (`expired`, `used`, `invalid`, `not_configured`, …). */
  readonly reason: string | null;
  /** Template problems, for a 400 from save. */
  readonly errors: TemplateError[];
  /** Seconds to wait before asking again (429 rate-limited, 503 busy); null if not said. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    message: string,
    reason: string | null = null,
    errors: TemplateError[] = [],
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.reason = reason;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

interface ErrorBody {
  error?: unknown;
  reason?: unknown;
  errors?: unknown;
  retry_after?: unknown;
}

function isTemplateError(e: unknown): e is TemplateError {
  return typeof e === "object" && e !== null && typeof (e as TemplateError).location === "string" && typeof (e as TemplateError).message === "string";
}

function errorFrom(status: number, body: unknown): ApiError {
  const b: ErrorBody = typeof body === "object" && body !== null ? (body as ErrorBody) : {};
  const message = typeof b.error === "string" && b.error ? b.error : `the server answered ${status}`;
  const reason = typeof b.reason === "string" ? b.reason : null;
  const errors = Array.isArray(b.errors) ? b.errors.filter(isTemplateError) : [];
  const retryAfter = typeof b.retry_after === "number" && b.retry_after >= 0 ? b.retry_after : null;
  return new ApiError(status, message, reason, errors, retryAfter);
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, "StreamMaxing could not be reached. Check your connection and try again.", "network");
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (e) {
    if (isAbort(e)) throw e;
    body = null;
  }
  if (!response.ok) throw errorFrom(response.status, body);
  if (body === null || typeof body !== "object") {
    throw new ApiError(response.status, "The server sent an unexpected answer.", "bad_response");
  }
  return body as T;
}

const withToken = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

export const getConfig = (signal?: AbortSignal) => request<AppConfig>("/api/config", { signal });

export const getLinkInfo = (token: string, signal?: AbortSignal) =>
  request<LinkInfo>(withToken("/api/link", token), { signal });

/** Where "Connect with Twitch" goes: the server answers with a redirect to Twitch. */
export const twitchStartUrl = (token: string) => withToken("/api/auth/twitch/start", token);

/** The default template, its fixed words in `lang` (the browser's language in the playground). */
export const getDefaultTemplate = (signal?: AbortSignal, lang?: string) =>
  request<{ template: Template }>(
    lang ? `/api/templates/default?lang=${encodeURIComponent(lang)}` : "/api/templates/default",
    { signal },
  );

export const getTemplate = (token: string, signal?: AbortSignal) =>
  request<TemplateResponse>(withToken("/api/templates", token), { signal });

export const saveTemplate = (token: string, template: Template) =>
  request<{ saved: boolean }>(withToken("/api/templates", token), {
    method: "PUT",
    body: JSON.stringify({ template }),
  });

export const renderTemplate = (template: Template, sample: Sample, signal?: AbortSignal) =>
  request<RenderResponse>("/api/templates/render", {
    method: "POST",
    body: JSON.stringify({ template, sample }),
    signal,
  });

/** True for the abort of a superseded request, which is not an error to show. */
export function isAbort(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
}
