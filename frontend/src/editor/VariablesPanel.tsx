import { VARIABLES } from "../generated/template";

interface Props {
  /** Inserts `{name}` where the cursor was; absent in read-only contexts. */
  onInsert: (text: string) => void;
}

/** The template variables; a click inserts one into the last text box used. */
export function VariablesPanel({ onInsert }: Props) {
  return (
    <details className="panel variables">
      <summary>Variables you can use</summary>
      <p className="hint">
        Click one to insert it where your cursor was. Write <code>{"{{"}</code> and <code>{"}}"}</code> for literal braces.
      </p>
      <ul className="variable-list">
        {VARIABLES.map(({ name, description }) => (
          <li key={name}>
            <button type="button" className="var-chip" onClick={() => onInsert(`{${name}}`)}>
              {`{${name}}`}
            </button>
            <span className="variable-what">{description}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
