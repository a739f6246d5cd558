// The editor's state is the Template itself; this module maps between it and
// the JSON the server sends (tolerating missing or odd fields) and applies
// the edits the form makes, as a pure reducer.
import { MAX_FIELDS, TWITCH_PURPLE, defaultTemplate } from "../generated/template";
import type { ButtonsTemplate, EmbedTemplate, FieldTemplate, Template } from "../types";

// The default template and the limits come from the Rust engine.
export { MAX_FIELDS, TWITCH_PURPLE, defaultTemplate };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown, d: string): string => (typeof v === "string" ? v : d);
const bool = (v: unknown, d: boolean): boolean => (typeof v === "boolean" ? v : d);

function color(v: unknown, d: number | null): number | null {
  if (v === null) return null;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffff ? v : d;
}

function field(v: unknown): FieldTemplate {
  const f = obj(v);
  return { ...f, name: str(f.name, ""), value: str(f.value, ""), inline: bool(f.inline, false) };
}

/**
 * A complete Template from server JSON. Missing fields take the default
 * template's values (as the server does); unknown fields are kept, so a
 * newer server's additions survive a round trip through this editor.
 */
export function normalizeTemplate(raw: unknown): Template {
  const d = defaultTemplate();
  const t = obj(raw);
  const e = obj(t.embed);
  const b = obj(t.buttons);
  const embed: EmbedTemplate = {
    ...e,
    enabled: bool(e.enabled, d.embed.enabled),
    title: str(e.title, d.embed.title),
    url: str(e.url, d.embed.url),
    description: str(e.description, d.embed.description),
    color: color(e.color, d.embed.color),
    author_name: str(e.author_name, d.embed.author_name),
    author_url: str(e.author_url, d.embed.author_url),
    author_icon_url: str(e.author_icon_url, d.embed.author_icon_url),
    thumbnail_url: str(e.thumbnail_url, d.embed.thumbnail_url),
    image_url: str(e.image_url, d.embed.image_url),
    fields: Array.isArray(e.fields) ? e.fields.map(field) : d.embed.fields,
    footer_text: str(e.footer_text, d.embed.footer_text),
    footer_icon_url: str(e.footer_icon_url, d.embed.footer_icon_url),
    timestamp: bool(e.timestamp, d.embed.timestamp),
  };
  const buttons: ButtonsTemplate = {
    ...b,
    watch: bool(b.watch, d.buttons.watch),
    watch_label: str(b.watch_label, d.buttons.watch_label),
    notify_me: bool(b.notify_me, d.buttons.notify_me),
    notify_me_label: str(b.notify_me_label, d.buttons.notify_me_label),
  };
  return { ...t, content: str(t.content, d.content), embed, buttons };
}

// ---- colours

/** `#rrggbb` of a template colour (null shows as Twitch purple). */
export function colorToHex(c: number | null): string {
  return `#${(c ?? TWITCH_PURPLE).toString(16).padStart(6, "0")}`;
}

/** The colour of `#rgb`, `#rrggbb` (the `#` is optional), or null if it is not one. */
export function parseHex(input: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return parseInt(hex, 16);
}

// ---- text paths: the same strings as the API's error `location`s

export type EmbedTextKey =
  | "title"
  | "url"
  | "description"
  | "author_name"
  | "author_url"
  | "author_icon_url"
  | "thumbnail_url"
  | "image_url"
  | "footer_text"
  | "footer_icon_url";
export type FieldTextPath = `embed.fields[${number}].${"name" | "value"}`;
export type TextPath = "content" | `embed.${EmbedTextKey}` | FieldTextPath | `buttons.${"watch_label" | "notify_me_label"}`;

const FIELD_PATH = /^embed\.fields\[(\d+)\]\.(name|value)$/;

export const fieldPath = (index: number, part: "name" | "value"): FieldTextPath => `embed.fields[${index}].${part}`;

/** The text at `path` ("" for a field that does not exist). */
export function getText(t: Template, path: TextPath): string {
  if (path === "content") return t.content;
  const f = FIELD_PATH.exec(path);
  if (f) return t.embed.fields[Number(f[1])]?.[f[2] as "name" | "value"] ?? "";
  if (path.startsWith("buttons.")) return t.buttons[path.slice(8) as "watch_label" | "notify_me_label"];
  return t.embed[path.slice(6) as EmbedTextKey];
}

function setText(t: Template, path: TextPath, value: string): Template {
  if (path === "content") return { ...t, content: value };
  const f = FIELD_PATH.exec(path);
  if (f) {
    const index = Number(f[1]);
    const part = f[2] as "name" | "value";
    const fields = t.embed.fields.map((x, i) => (i === index ? { ...x, [part]: value } : x));
    return { ...t, embed: { ...t.embed, fields } };
  }
  if (path.startsWith("buttons.")) return { ...t, buttons: { ...t.buttons, [path.slice(8)]: value } };
  return { ...t, embed: { ...t.embed, [path.slice(6)]: value } };
}

/** An id for the input that edits `location` (also used to jump to it from an error). */
export const inputId = (location: string) => `f-${location.replace(/[^a-z0-9_]+/gi, "-").replace(/-+$/, "")}`;

// ---- edits

export type Action =
  | { type: "load"; template: Template }
  | { type: "text"; path: TextPath; value: string }
  | { type: "embed"; key: "enabled" | "timestamp"; value: boolean }
  | { type: "color"; value: number | null }
  | { type: "button"; key: "watch" | "notify_me"; value: boolean }
  | { type: "addField" }
  | { type: "removeField"; index: number }
  | { type: "fieldInline"; index: number; value: boolean }
  | { type: "moveField"; index: number; by: -1 | 1 };

export function templateReducer(t: Template, a: Action): Template {
  const withFields = (fields: FieldTemplate[]) => ({ ...t, embed: { ...t.embed, fields } });
  switch (a.type) {
    case "load":
      return a.template;
    case "text":
      return setText(t, a.path, a.value);
    case "embed":
      return { ...t, embed: { ...t.embed, [a.key]: a.value } };
    case "color":
      return { ...t, embed: { ...t.embed, color: a.value } };
    case "button":
      return { ...t, buttons: { ...t.buttons, [a.key]: a.value } };
    case "addField":
      if (t.embed.fields.length >= MAX_FIELDS) return t;
      return withFields([...t.embed.fields, { name: "", value: "", inline: true }]);
    case "removeField":
      return withFields(t.embed.fields.filter((_, i) => i !== a.index));
    case "fieldInline":
      return withFields(t.embed.fields.map((f, i) => (i === a.index ? { ...f, inline: a.value } : f)));
    case "moveField": {
      const to = a.index + a.by;
      const fields = [...t.embed.fields];
      const moved = fields[a.index];
      if (!moved || to < 0 || to >= fields.length) return t;
      fields.splice(a.index, 1);
      fields.splice(to, 0, moved);
      return withFields(fields);
    }
  }
}

/** Inserts `text` into `value` in place of the selection; returns the new value and caret. */
export function insertAt(value: string, text: string, start: number | null, end: number | null) {
  const from = Math.min(start ?? value.length, value.length);
  const to = Math.max(from, Math.min(end ?? from, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
