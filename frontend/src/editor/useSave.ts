import { useCallback, useRef, useState } from "react";
import { ApiError, saveTemplate } from "../api";
import type { Template, TemplateError } from "../types";
import { tokenProblem } from "../messages";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  /** `snapshot`: the JSON of the template that failed to save. */
  | { kind: "failed"; message: string; errors: TemplateError[]; snapshot: string };

/**
 * Saving with an editor token. `dirty` compares with what was loaded or
 * last saved; the status says what happened to the last attempt.
 */
export function useSave(token: string | null, template: Template, initial: Template) {
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const inFlight = useRef(false);
  const current = JSON.stringify(template);
  const dirty = current !== saved;

  const save = useCallback(async () => {
    if (!token || inFlight.current) return;
    inFlight.current = true;
    const snapshot = JSON.stringify(template);
    setStatus({ kind: "saving" });
    try {
      await saveTemplate(token, template);
      setSaved(snapshot);
      setStatus({ kind: "saved", at: Date.now() });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setStatus({ kind: "failed", message: "Saving failed unexpectedly. Your changes are still here; try again.", errors: [], snapshot });
      } else if (e.errors.length > 0) {
        setStatus({ kind: "failed", message: "Not saved: the template has problems. Fix them and save again.", errors: e.errors, snapshot });
      } else {
        setStatus({ kind: "failed", message: `Not saved. ${whyNotSaved(e)} Your changes are still here.`, errors: [], snapshot });
      }
    } finally {
      inFlight.current = false;
    }
  }, [token, template]);

  /** The failed attempt, while the template is still what failed to save. */
  const failure = status.kind === "failed" && status.snapshot === current ? status : null;
  return { status, dirty, save, failure };
}

function whyNotSaved(e: ApiError): string {
  if (e.reason) {
    const problem = tokenProblem("editor", e.reason);
    return `${problem.title}. ${problem.text}`;
  }
  if (e.status === 0) return "StreamMaxing could not be reached; check your connection and try again.";
  if (e.status === 404) return tokenProblem("editor", "not_found").text;
  return `The server couldn't save it (error ${e.status}); try again in a moment.`;
}
