import { type Dispatch, createContext, useContext } from "react";
import type { Template, TemplateError } from "../types";
import type { Action } from "./template";

export interface EditorContextValue {
  template: Template;
  dispatch: Dispatch<Action>;
  /** Error messages by API `location`. */
  errors: Map<string, string[]>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error("useEditor outside <EditorContext>");
  return ctx;
}

/** Groups error messages by location, keeping their order. */
export function indexErrors(errors: TemplateError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.location, [...(map.get(e.location) ?? []), e.message]);
  return map;
}
