import { useEditor } from "./context";
import { CheckField, FieldErrors, TextField } from "./controls";
import { MAX_FIELDS, fieldPath, inputId } from "./template";

export function FieldsSection() {
  const { template, dispatch } = useEditor();
  const { fields } = template.embed;
  if (!template.embed.enabled) return null;
  const full = fields.length >= MAX_FIELDS;
  return (
    <fieldset className="section">
      <legend>Card fields</legend>
      <p className="hint">Short name–value pairs; inline fields sit side by side, up to three in a row.</p>
      <FieldErrors location="embed.fields" />
      <ol className="field-list">
        {fields.map((f, i) => (
          <li key={i} className="field-item">
            <div className="field-item-head">
              <h3 className="subhead">Field {i + 1}</h3>
              <div className="field-item-actions">
                <button type="button" className="btn btn-small btn-quiet" disabled={i === 0} onClick={() => dispatch({ type: "moveField", index: i, by: -1 })} aria-label={`Move field ${i + 1} up`}>
                  ↑
                </button>
                <button type="button" className="btn btn-small btn-quiet" disabled={i === fields.length - 1} onClick={() => dispatch({ type: "moveField", index: i, by: 1 })} aria-label={`Move field ${i + 1} down`}>
                  ↓
                </button>
                <button type="button" className="btn btn-small btn-danger" onClick={() => dispatch({ type: "removeField", index: i })} aria-label={`Remove field ${i + 1}`}>
                  Remove
                </button>
              </div>
            </div>
            <div className="grid-2">
              <TextField path={fieldPath(i, "name")} label={`Field ${i + 1} name`} />
              <TextField path={fieldPath(i, "value")} label={`Field ${i + 1} value`} />
            </div>
            <CheckField
              id={inputId(`embed.fields[${i}].inline`)}
              label="Inline (beside other fields)"
              checked={f.inline}
              onChange={(value) => dispatch({ type: "fieldInline", index: i, value })}
            />
            <FieldErrors location={`embed.fields[${i}]`} />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-secondary" disabled={full} onClick={() => dispatch({ type: "addField" })}>
        + Add field
      </button>
      {full && <p className="hint">Discord allows {MAX_FIELDS} fields at most.</p>}
    </fieldset>
  );
}
