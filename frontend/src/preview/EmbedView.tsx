import { useLayoutEffect, useRef } from "react";
import type { Embed, EmbedField } from "../types";
import { Markdown, safeUrl } from "./Markdown";
import { PreviewImage } from "./PreviewImage";
import { formatCalendar } from "./time";

/**
 * Grid columns (out of 12) for each field, as Discord lays them out: inline
 * fields share a row, three at most (two beside a thumbnail); any other
 * field takes a whole row.
 */
export function fieldSpans(fields: EmbedField[], hasThumbnail: boolean): number[] {
  const perRow = hasThumbnail ? 2 : 3;
  const spans: number[] = [];
  let row: number[] = [];
  const close = () => {
    row.forEach(() => spans.push(12 / row.length));
    row = [];
  };
  fields.forEach((f, i) => {
    if (!f.inline) {
      close();
      spans.push(12);
      return;
    }
    row.push(i);
    if (row.length === perRow) close();
  });
  close();
  return spans;
}

const hex = (color: number) => `#${color.toString(16).padStart(6, "0")}`;

export function EmbedView({ embed, now }: { embed: Embed; now: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const color = embed.color === undefined ? null : hex(embed.color);
  // The colour bar: set through CSSOM, which the Content-Security-Policy allows.
  useLayoutEffect(() => {
    if (color) ref.current?.style.setProperty("--embed-color", color);
    else ref.current?.style.removeProperty("--embed-color");
  }, [color]);

  const fields = embed.fields ?? [];
  const spans = fieldSpans(fields, !!embed.thumbnail);
  const titleUrl = safeUrl(embed.url);
  const authorUrl = safeUrl(embed.author?.url);
  const time = embed.timestamp ? formatCalendar(Date.parse(embed.timestamp), now) : "";
  const footer = [embed.footer?.text, time].filter(Boolean).join(" • ");

  return (
    <div className="dc-embed" ref={ref} data-testid="embed">
      <div className={embed.thumbnail ? "dc-embed-grid has-thumbnail" : "dc-embed-grid"}>
        {embed.author && (
          <div className="dc-embed-author">
            {embed.author.icon_url && <PreviewImage className="dc-embed-author-icon" src={embed.author.icon_url} />}
            {authorUrl ? (
              <a href={authorUrl} target="_blank" rel="noopener noreferrer">
                {embed.author.name}
              </a>
            ) : (
              <span>{embed.author.name}</span>
            )}
          </div>
        )}
        {embed.title && (
          <div className="dc-embed-title" data-testid="embed-title">
            {titleUrl ? (
              <a href={titleUrl} target="_blank" rel="noopener noreferrer">
                <Markdown text={embed.title} links={false} now={now} />
              </a>
            ) : (
              <Markdown text={embed.title} links={false} now={now} />
            )}
          </div>
        )}
        {embed.description && (
          <div className="dc-embed-description">
            <Markdown text={embed.description} now={now} />
          </div>
        )}
        {fields.length > 0 && (
          <div className="dc-embed-fields">
            {fields.map((f, i) => (
              <div key={i} className={`dc-embed-field dc-span-${spans[i] ?? 12}`}>
                <div className="dc-embed-field-name">
                  <Markdown text={f.name} links={false} now={now} />
                </div>
                <div className="dc-embed-field-value">
                  <Markdown text={f.value} now={now} />
                </div>
              </div>
            ))}
          </div>
        )}
        {embed.image && <PreviewImage className="dc-embed-image" src={embed.image.url} alt="Embed image" />}
        {embed.thumbnail && <PreviewImage className="dc-embed-thumbnail" src={embed.thumbnail.url} alt="Thumbnail" />}
        {footer && (
          <div className="dc-embed-footer">
            {embed.footer?.icon_url && <PreviewImage className="dc-embed-footer-icon" src={embed.footer.icon_url} />}
            <span>{footer}</span>
          </div>
        )}
      </div>
    </div>
  );
}
