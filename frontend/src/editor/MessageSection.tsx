import { FieldErrors, TextField } from "./controls";

export function MessageSection() {
  return (
    <fieldset className="section">
      <legend>Message</legend>
      <TextField
        path="content"
        label="Message content"
        multiline
        rows={3}
        hint={
          <>
            Plain text above the card. <code>{"{mention}"}</code> pings the role or members chosen with{" "}
            <code>/setup</code>.
          </>
        }
      />
      <FieldErrors location="message" />
    </fieldset>
  );
}
