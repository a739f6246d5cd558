const VARIABLES: [string, string][] = [
  ["streamer_display_name", "Display name, e.g. Pixel_Panda"],
  ["streamer_login", "Twitch login, e.g. pixel_panda"],
  ["stream_title", "Title of the stream"],
  ["game_name", "Category or game being played"],
  ["viewer_count", "Viewers, e.g. 1,234"],
  ["stream_url", "Link to the stream"],
  ["started_at", "Start time, in each reader's time zone"],
  ["started_at_relative", "“3 minutes ago”, kept up to date"],
  ["streamer_avatar_url", "Profile picture (for image fields)"],
  ["stream_thumbnail_url", "Live preview picture (for image fields)"],
  ["mention", "The role or members to ping"],
];

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
        {VARIABLES.map(([name, what]) => (
          <li key={name}>
            <button type="button" className="var-chip" onClick={() => onInsert(`{${name}}`)}>
              {`{${name}}`}
            </button>
            <span className="variable-what">{what}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
