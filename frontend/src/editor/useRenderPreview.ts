import { useEffect, useState } from "react";
import { ApiError, isAbort, renderTemplate } from "../api";
import type { RenderedMessage, Sample, Template, TemplateError } from "../types";

export interface PreviewState {
  /** The latest rendering, or null before the first one arrives. */
  message: RenderedMessage | null;
  /** Validation problems of the template that was rendered last. */
  errors: TemplateError[];
  /** Why the latest rendering failed, if it did. */
  failure: string | null;
  /** True while the shown rendering is not of the current template and sample. */
  pending: boolean;
}

interface Result {
  template: Template;
  sample: Sample;
  message: RenderedMessage | null;
  errors: TemplateError[];
  failure: string | null;
  /** Seconds after which the server said to ask again (too many previews, or busy). */
  retryAfter: number | null;
}

/** The longest wait before an automatic retry; the Retry button is always there. */
const MAX_RETRY_SECONDS = 30;

/**
 * Renders the template on the server (the one template engine) whenever it
 * or the sample changes, `delay` ms after the last change. A newer edit
 * cancels the request in flight, so answers never arrive out of order.
 * When the server says to come back later (429, 503 with `retry_after`),
 * it asks again by itself after that wait.
 */
export function useRenderPreview(template: Template, sample: Sample, delay = 250): PreviewState & { retry: () => void } {
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      renderTemplate(template, sample, controller.signal).then(
        (r) => setResult({ template, sample, message: r.message, errors: r.errors ?? [], failure: null, retryAfter: null }),
        (e: unknown) => {
          if (isAbort(e)) return;
          const failure = e instanceof Error ? e.message : "The preview could not be rendered.";
          const retryAfter = e instanceof ApiError ? e.retryAfter : null;
          setResult((prev) => ({ template, sample, message: prev?.message ?? null, errors: prev?.errors ?? [], failure, retryAfter }));
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [template, sample, delay, attempt]);

  const retryAfter = result?.retryAfter ?? null;
  useEffect(() => {
    if (retryAfter === null) return;
    const timer = window.setTimeout(() => setAttempt((n) => n + 1), Math.min(retryAfter, MAX_RETRY_SECONDS) * 1000);
    return () => window.clearTimeout(timer);
  }, [result, retryAfter]);

  return {
    message: result?.message ?? null,
    errors: result?.errors ?? [],
    failure: result?.failure ?? null,
    pending: !result || result.template !== template || result.sample !== sample,
    retry: () => setAttempt((n) => n + 1),
  };
}
