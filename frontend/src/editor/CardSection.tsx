import { ColorField } from "./ColorField";
import { useEditor } from "./context";
import { CheckField, FieldErrors, TextField } from "./controls";

export function CardSection() {
  const { template, dispatch } = useEditor();
  const { embed } = template;
  return (
    <fieldset className="section">
      <legend>Card</legend>
      <CheckField
        id="f-embed-enabled"
        label="Show a card (embed) under the message"
        checked={embed.enabled}
        onChange={(value) => dispatch({ type: "embed", key: "enabled", value })}
      />
      <FieldErrors location="embed" />
      {embed.enabled ? (
        <>
          <div className="grid-2">
            <TextField path="embed.title" label="Card title" />
            <TextField path="embed.url" label="Title link (URL)" url />
          </div>
          <TextField path="embed.description" label="Description" multiline rows={4} hint="Markdown works here: **bold**, *italic*, [text](https://…)." />
          <ColorField />
          <h3 className="subhead">Author line</h3>
          <div className="grid-2">
            <TextField path="embed.author_name" label="Author name" />
            <TextField path="embed.author_url" label="Author link (URL)" url />
          </div>
          <TextField path="embed.author_icon_url" label="Author icon URL" url />
          <h3 className="subhead">Images</h3>
          <div className="grid-2">
            <TextField path="embed.thumbnail_url" label="Thumbnail URL" url hint="Small, top right." />
            <TextField path="embed.image_url" label="Image URL" url hint="Large, under the text." />
          </div>
          <h3 className="subhead">Footer</h3>
          <div className="grid-2">
            <TextField path="embed.footer_text" label="Footer text" />
            <TextField path="embed.footer_icon_url" label="Footer icon URL" url />
          </div>
          <CheckField
            id="f-embed-timestamp"
            label="Show stream start time"
            hint="In the footer, in each reader's own time zone."
            checked={embed.timestamp}
            onChange={(value) => dispatch({ type: "embed", key: "timestamp", value })}
          />
        </>
      ) : (
        <p className="hint">The card is off: only the message content and buttons are sent.</p>
      )}
    </fieldset>
  );
}
