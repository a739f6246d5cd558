import { useEditor } from "./context";
import { CheckField, FieldErrors, TextField } from "./controls";
import { defaultTemplate } from "./template";

/** The default labels, shown while a label is empty. */
const DEFAULT_LABELS = defaultTemplate().buttons;

export function ButtonsSection() {
  const { template, dispatch } = useEditor();
  const { buttons } = template;
  return (
    <fieldset className="section">
      <legend>Buttons</legend>
      <FieldErrors location="buttons" />
      <div className="button-option">
        <CheckField
          id="f-buttons-watch"
          label="“Watch” button"
          hint="A link to the stream."
          checked={buttons.watch}
          onChange={(value) => dispatch({ type: "button", key: "watch", value })}
        />
        {buttons.watch && <TextField path="buttons.watch_label" label="Watch button label" placeholder={DEFAULT_LABELS.watch_label} />}
      </div>
      <div className="button-option">
        <CheckField
          id="f-buttons-notify_me"
          label="“Notify me” button"
          hint="Lets members turn on pings for this streamer with one click."
          checked={buttons.notify_me}
          onChange={(value) => dispatch({ type: "button", key: "notify_me", value })}
        />
        {buttons.notify_me && <TextField path="buttons.notify_me_label" label="Notify me button label" placeholder={DEFAULT_LABELS.notify_me_label} />}
      </div>
    </fieldset>
  );
}
