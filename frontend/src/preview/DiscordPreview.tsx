import botAvatar from "../assets/logo.svg";
import type { ActionRow, ButtonComponent, RenderedMessage } from "../types";
import { EmbedView } from "./EmbedView";
import { Markdown, safeUrl } from "./Markdown";
import { formatCalendar } from "./time";

const STYLE_CLASS: Record<number, string> = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

function Button({ button }: { button: ButtonComponent }) {
  const emoji = button.emoji?.name;
  const body = (
    <>
      {emoji && <span aria-hidden="true">{emoji}</span>}
      {button.label && <span>{button.label}</span>}
    </>
  );
  const className = `dc-button dc-button-${STYLE_CLASS[button.style] ?? "secondary"}`;
  const href = button.style === 5 ? safeUrl(button.url) : null;
  if (href) {
    return (
      <a className={className} href={href} target="_blank" rel="noopener noreferrer">
        {body}
        <svg className="dc-button-external" viewBox="0 0 24 24" aria-label="(opens in a new tab)" role="img">
          <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </a>
    );
  }
  // Not a real button: clicking it in a preview does nothing.
  return <span className={className}>{body}</span>;
}

function Rows({ rows }: { rows: ActionRow[] }) {
  return (
    <>
      {rows.map((row, r) => (
        <div className="dc-buttons" key={r}>
          {row.components.map((b, i) => (
            <Button key={i} button={b} />
          ))}
        </div>
      ))}
    </>
  );
}

interface Props {
  message: RenderedMessage;
  now?: number;
}

/** A message as Discord's dark theme shows it, posted by the StreamMaxing app. */
export function DiscordPreview({ message, now = Date.now() }: Props) {
  return (
    <article className="dc-message" aria-label="Notification preview">
      <img className="dc-avatar" src={botAvatar} alt="" width="40" height="40" />
      <div className="dc-body">
        <p className="dc-header">
          <span className="dc-username">StreamMaxing</span>
          <span className="dc-app-badge">APP</span>
          <span className="dc-sent">{formatCalendar(now, now)}</span>
        </p>
        {message.content && (
          <div className="dc-content" data-testid="message-content">
            <Markdown text={message.content} now={now} />
          </div>
        )}
        {message.embeds.map((e, i) => (
          <EmbedView key={i} embed={e} now={now} />
        ))}
        <Rows rows={message.components} />
      </div>
    </article>
  );
}
