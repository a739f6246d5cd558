import { type ReactNode, useMemo } from "react";
import { type MdNode, parse } from "./markdown";
import { formatTimestampTag } from "./time";

/** Only http(s) URLs become links or images; anything else stays inert. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

const MENTION_TEXT = { role: "@role", user: "@user", channel: "#channel" } as const;

function render(nodes: MdNode[], now: number): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case "text":
        return n.text;
      case "strong":
        return <strong key={i}>{render(n.children, now)}</strong>;
      case "em":
        return <em key={i}>{render(n.children, now)}</em>;
      case "underline":
        return <u key={i}>{render(n.children, now)}</u>;
      case "strike":
        return <s key={i}>{render(n.children, now)}</s>;
      case "spoiler":
        return (
          <span key={i} className="dc-spoiler" title="Spoiler">
            {render(n.children, now)}
          </span>
        );
      case "code":
        return (
          <code key={i} className="dc-code">
            {n.text}
          </code>
        );
      case "link": {
        const href = safeUrl(n.url);
        const children = render(n.children, now);
        if (!href) return <span key={i}>{children}</span>;
        return (
          <a key={i} className="dc-link" href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {children}
          </a>
        );
      }
      case "mention":
        return (
          <span key={i} className="dc-mention" title={`${n.type} ${n.id}`}>
            {MENTION_TEXT[n.type]}
          </span>
        );
      case "time": {
        const ms = n.unix * 1000;
        const valid = Math.abs(ms) <= 8.64e15;
        return (
          <time
            key={i}
            className="dc-timestamp"
            dateTime={valid ? new Date(ms).toISOString() : undefined}
            title={valid ? formatTimestampTag(n.unix, "F", now) : undefined}
          >
            {formatTimestampTag(n.unix, n.style, now)}
          </time>
        );
      }
    }
  });
}

interface Props {
  text: string;
  /** Links are off in embed titles and field names, as in Discord. */
  links?: boolean;
  now?: number;
}

/** Discord-flavoured inline markdown as React elements (never as HTML strings). */
export function Markdown({ text, links = true, now = Date.now() }: Props) {
  const nodes = useMemo(() => parse(text, { links }), [text, links]);
  return <>{render(nodes, now)}</>;
}
