import type { ReactNode } from "react";
import { useEditor } from "./context";
import { type TextPath, getText, inputId } from "./template";

/** A server message, with its `code` spans shown as code. */
export function ErrorText({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}
    </>
  );
}

/** The inline errors of one location; `id` lets an input point at them. */
export function FieldErrors({ location }: { location: string }) {
  const messages = useEditor().errors.get(location);
  if (!messages?.length) return null;
  return (
    <ul className="field-errors" id={`${inputId(location)}-errors`}>
      {messages.map((m, i) => (
        <li key={i}>
          <ErrorText text={m} />
        </li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  path: TextPath;
  label: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** URL fields: no spell checking, a URL-ish keyboard is not used (braces). */
  url?: boolean;
}

/** A labelled text input bound to one template text, with its hint and errors. */
export function TextField({ path, label, hint, multiline, rows = 3, placeholder, url }: TextFieldProps) {
  const { template, dispatch, errors } = useEditor();
  const id = inputId(path);
  const hasErrors = !!errors.get(path)?.length;
  const describedBy = [hint ? `${id}-hint` : "", hasErrors ? `${id}-errors` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    value: getText(template, path),
    placeholder,
    "data-path": path,
    "aria-invalid": hasErrors || undefined,
    "aria-describedby": describedBy || undefined,
    spellCheck: url ? false : undefined,
    autoComplete: "off",
  };
  return (
    <div className={hasErrors ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => dispatch({ type: "text", path, value: e.target.value })} />
      ) : (
        <input {...common} type="text" onChange={(e) => dispatch({ type: "text", path, value: e.target.value })} />
      )}
      <FieldErrors location={path} />
    </div>
  );
}

interface CheckFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function CheckField({ id, label, checked, onChange, hint }: CheckFieldProps) {
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
