import { type DependencyList, useEffect, useState } from "react";
import { ApiError, isAbort } from "../api";

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: ApiError };

/** Runs `load` on mount and whenever `deps` change; aborts the previous run. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    load(controller.signal).then(
      (data) => setState({ status: "ready", data }),
      (e: unknown) => {
        if (isAbort(e)) return;
        setState({ status: "error", error: e instanceof ApiError ? e : new ApiError(0, String(e)) });
      },
    );
    return () => controller.abort();
  }, deps);
  return state;
}
