import { type FocusEvent, type ReactNode, useReducer, useRef, useState } from "react";
import type { Sample, Template } from "../types";
import { ButtonsSection } from "./ButtonsSection";
import { CardSection } from "./CardSection";
import { EditorContext, indexErrors } from "./context";
import { ErrorSummary } from "./ErrorSummary";
import { FieldsSection } from "./FieldsSection";
import { MessageSection } from "./MessageSection";
import { PreviewPanel } from "./PreviewPanel";
import { type TextPath, inputId, insertAt, templateReducer } from "./template";
import { useRenderPreview } from "./useRenderPreview";
import { type SaveStatus, useSave } from "./useSave";
import { VariablesPanel } from "./VariablesPanel";

type TextInput = HTMLInputElement | HTMLTextAreaElement;

function statusText(status: SaveStatus, failure: string | null, dirty: boolean, problems: number): string {
  if (status.kind === "saving") return "Saving…";
  if (failure) return failure;
  if (problems > 0) return `Fix the ${problems === 1 ? "problem" : `${problems} problems`} listed above to save.`;
  if (status.kind === "saved" && !dirty) {
    return `Saved at ${new Date(status.at).toLocaleTimeString(undefined, { timeStyle: "short" })}. New alerts use it.`;
  }
  return dirty ? "Unsaved changes" : "No changes yet";
}

interface Props {
  initial: Template;
  /** The editor link's token; without one the editor is a playground that cannot save. */
  token: string | null;
  heading: ReactNode;
  intro: ReactNode;
}

export function Editor({ initial, token, heading, intro }: Props) {
  const [template, dispatch] = useReducer(templateReducer, initial);
  const [sample, setSample] = useState<Sample>("typical");
  const preview = useRenderPreview(template, sample);
  const { status, dirty, save, failure } = useSave(token, template, initial);
  const errors = preview.errors.length > 0 || !failure ? preview.errors : failure.errors;
  const lastField = useRef<TextInput | null>(null);

  const rememberField = (e: FocusEvent<HTMLFormElement>) => {
    const t = e.target;
    if ((t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) && t.dataset.path) lastField.current = t;
  };

  const insertVariable = (text: string) => {
    const last = lastField.current;
    const el = last?.isConnected ? last : (document.getElementById(inputId("content")) as TextInput | null);
    if (!el?.dataset.path) return;
    const { value, caret } = insertAt(el.value, text, el.selectionStart, el.selectionEnd);
    dispatch({ type: "text", path: el.dataset.path as TextPath, value });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  const canSave = !!token && status.kind !== "saving" && errors.length === 0;
  return (
    <EditorContext.Provider value={{ template, dispatch, errors: indexErrors(errors) }}>
      <div className="editor-bar">
        <div className="editor-title">
          <h1>{heading}</h1>
          {intro}
        </div>
        {token && (
          <div className="save-area">
            <button type="submit" form="template-form" className="btn btn-primary" disabled={!canSave} aria-describedby="save-status">
              Save
            </button>
            <p id="save-status" className={`save-status save-${status.kind}`} role="status" aria-live="polite">
              {statusText(status, failure?.message ?? null, dirty, errors.length)}
            </p>
          </div>
        )}
      </div>
      <ErrorSummary errors={errors} canSave={!!token} />
      <div className="editor-grid">
        <form
          id="template-form"
          className="editor-form"
          aria-label="Notification template"
          noValidate
          onFocus={rememberField}
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void save();
          }}
        >
          <MessageSection />
          <CardSection />
          <FieldsSection />
          <ButtonsSection />
        </form>
        <div className="editor-side">
          <PreviewPanel preview={preview} sample={sample} onSample={setSample} />
          <VariablesPanel onInsert={insertVariable} />
        </div>
      </div>
    </EditorContext.Provider>
  );
}
