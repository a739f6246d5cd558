// The subset of Discord markdown the preview shows: **bold**, *italic* and
// _italic_, __underline__, ~~strike~~, ||spoiler||, `code`, [text](url),
// bare and <angled> links, <@&role>/<@user>/<#channel> mentions and <t:unix:style>
// timestamps. A backslash before ASCII punctuation makes it literal, which
// is how the server escapes text that comes from Twitch.

export type MdNode =
  | { kind: "text"; text: string }
  | { kind: "strong" | "em" | "underline" | "strike" | "spoiler"; children: MdNode[] }
  | { kind: "code"; text: string }
  | { kind: "link"; url: string; children: MdNode[] }
  | { kind: "mention"; type: "role" | "user" | "channel"; id: string }
  | { kind: "time"; unix: number; style: string };

export interface MdOptions {
  /** Masked and bare links (Discord shows none in titles and field names). */
  links: boolean;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /\w/;

// Sticky patterns, tried at the current position.
const CODE = /(`+)([\s\S]*?[^`])\1(?!`)/y;
const MENTION = /<(@&|@!?|#)(\d{1,20})>/y;
const TIME = /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y;
const MASKED_LINK = /\[((?:\\[\s\S]|[^\\\]])+)\]\(<?(https?:\/\/[^\s)>]+)>?\)/y;
const ANGLED_LINK = /<(https?:\/\/[^\s>]+)>/y;
const BARE_LINK = /https?:\/\/[^\s<\\]+[^<.,:;"')\]\s\\]/y;

function sticky(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

/** Index of the closing `delim` for an opening that ends at `from`, or -1. */
function findClose(src: string, from: number, delim: string, single: boolean): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === "\\") {
      j++;
      continue;
    }
    if (!src.startsWith(delim, j)) continue;
    if (single && src[j + 1] === delim) {
      j++; // a doubled delimiter (** inside *…*) belongs to an inner span
      continue;
    }
    if (j === from || src[j + delim.length] === delim[0]) continue; // empty, or not the end of a run
    if (single && /\s/.test(src[j - 1] ?? "")) continue;
    if (delim === "_" && WORD.test(src[j + 1] ?? "")) continue;
    return j;
  }
  return -1;
}

type Match = { node: MdNode; end: number };
type SpanKind = "strong" | "em" | "underline" | "strike" | "spoiler";

const SPANS: [string, SpanKind][] = [
  ["**", "strong"],
  ["__", "underline"],
  ["~~", "strike"],
  ["||", "spoiler"],
  ["*", "em"],
  ["_", "em"],
];

function matchSpan(src: string, i: number, opts: MdOptions): Match | null {
  for (const [delim, kind] of SPANS) {
    if (!src.startsWith(delim, i)) continue;
    const single = delim.length === 1;
    const start = i + delim.length;
    if (single && (src[start] === delim || /\s/.test(src[start] ?? " "))) continue;
    if (delim === "_" && WORD.test(src[i - 1] ?? "")) continue;
    const close = findClose(src, start, delim, single);
    if (close < 0) continue;
    return { node: { kind, children: parse(src.slice(start, close), opts) }, end: close + delim.length };
  }
  return null;
}

function matchAt(src: string, i: number, opts: MdOptions): Match | null {
  const c = src[i];
  let m: RegExpExecArray | null;
  if (c === "`" && (m = sticky(CODE, src, i))) {
    return { node: { kind: "code", text: m[2] ?? "" }, end: CODE.lastIndex };
  }
  if (c === "<") {
    if ((m = sticky(MENTION, src, i))) {
      const type = m[1] === "@&" ? "role" : m[1] === "#" ? "channel" : "user";
      return { node: { kind: "mention", type, id: m[2] ?? "" }, end: MENTION.lastIndex };
    }
    if ((m = sticky(TIME, src, i))) {
      return { node: { kind: "time", unix: Number(m[1]), style: m[2] ?? "f" }, end: TIME.lastIndex };
    }
    if (opts.links && (m = sticky(ANGLED_LINK, src, i))) {
      const url = m[1] ?? "";
      return { node: { kind: "link", url, children: [{ kind: "text", text: url }] }, end: ANGLED_LINK.lastIndex };
    }
  }
  if (opts.links && c === "[" && (m = sticky(MASKED_LINK, src, i))) {
    const children = parse(m[1] ?? "", { ...opts, links: false });
    return { node: { kind: "link", url: m[2] ?? "", children }, end: MASKED_LINK.lastIndex };
  }
  if (opts.links && c === "h" && !WORD.test(src[i - 1] ?? "") && (m = sticky(BARE_LINK, src, i))) {
    return { node: { kind: "link", url: m[0], children: [{ kind: "text", text: m[0] }] }, end: BARE_LINK.lastIndex };
  }
  if (c === "*" || c === "_" || c === "~" || c === "|") return matchSpan(src, i, opts);
  return null;
}

/** Parses `src` into inline nodes; adjacent text is merged into one node. */
export function parse(src: string, opts: MdOptions = { links: true }): MdNode[] {
  const out: MdNode[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? "";
    const next = src[i + 1];
    if (c === "\\" && next !== undefined && PUNCTUATION.test(next)) {
      text += next;
      i += 2;
      continue;
    }
    const m = matchAt(src, i, opts);
    if (m) {
      flush();
      out.push(m.node);
      i = m.end;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return out;
}

/** Plain text of nodes (for accessible names and tests). */
export function plainText(nodes: MdNode[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case "text":
        case "code":
          return n.text;
        case "mention":
          return n.type === "channel" ? "#channel" : n.type === "role" ? "@role" : "@user";
        case "time":
          return `<t:${n.unix}>`;
        default:
          return plainText(n.children);
      }
    })
    .join("");
}
