import type { MouseEvent } from "react";
import type { TemplateError } from "../types";
import { ErrorText } from "./controls";
import { inputId } from "./template";

const NAMES: Record<string, string> = {
  message: "Message",
  content: "Message content",
  embed: "Card",
  "embed.title": "Card title",
  "embed.url": "Title link",
  "embed.description": "Description",
  "embed.color": "Colour",
  "embed.author_name": "Author name",
  "embed.author_url": "Author link",
  "embed.author_icon_url": "Author icon URL",
  "embed.thumbnail_url": "Thumbnail URL",
  "embed.image_url": "Image URL",
  "embed.fields": "Card fields",
  "embed.footer_text": "Footer text",
  "embed.footer_icon_url": "Footer icon URL",
  buttons: "Buttons",
  "buttons.watch_label": "Watch button label",
  "buttons.notify_me_label": "Notify me button label",
};

/** "Field 3 value" for `embed.fields[2].value`; the location itself if unknown. */
export function locationName(location: string): string {
  const field = /^embed\.fields\[(\d+)\](?:\.(name|value))?$/.exec(location);
  if (field) return `Field ${Number(field[1]) + 1}${field[2] ? ` ${field[2]}` : ""}`;
  return NAMES[location] ?? location;
}

function jump(event: MouseEvent<HTMLAnchorElement>, location: string) {
  const target = document.getElementById(inputId(location));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView?.({ block: "center" });
}

interface Props {
  errors: TemplateError[];
  canSave: boolean;
}

/** Every problem, each linking to its input; announced politely as it changes. */
export function ErrorSummary({ errors, canSave }: Props) {
  const n = errors.length;
  return (
    <div className="error-summary-region" aria-live="polite" aria-atomic="false">
      {n > 0 && (
        <section className="error-summary" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">
            {n === 1 ? "1 problem" : `${n} problems`}
            {canSave ? " to fix before saving" : " in this template"}
          </h2>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <a href={`#${inputId(e.location)}`} onClick={(ev) => jump(ev, e.location)}>
                  {locationName(e.location)}
                </a>
                : <ErrorText text={e.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
