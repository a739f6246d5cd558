import { describe, expect, it } from "vitest";
import {
  MAX_FIELDS,
  colorToHex,
  defaultTemplate,
  getText,
  inputId,
  insertAt,
  normalizeTemplate,
  parseHex,
  templateReducer,
} from "./template";

describe("normalizeTemplate", () => {
  it("keeps a complete template exactly", () => {
    const t = defaultTemplate();
    t.embed.color = null;
    t.embed.fields = [{ name: "A", value: "B", inline: false }];
    expect(normalizeTemplate(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });

  it("fills missing fields with the server's defaults, as serde(default) does", () => {
    const t = normalizeTemplate({ content: "hi", embed: { title: "T" } });
    expect(t.content).toBe("hi");
    expect(t.embed.title).toBe("T");
    expect(t.embed.description).toBe(defaultTemplate().embed.description);
    expect(t.embed.fields).toHaveLength(2);
    expect(t.buttons).toEqual(defaultTemplate().buttons);
    expect(normalizeTemplate({})).toEqual(defaultTemplate());
    expect(normalizeTemplate(null)).toEqual(defaultTemplate());
  });

  it("replaces values of the wrong type and keeps a null colour", () => {
    const t = normalizeTemplate({
      content: 5,
      embed: { enabled: "yes", color: null, fields: [{ name: "N" }, "junk"], timestamp: 1 },
      buttons: { watch: false, watch_label: null },
    });
    expect(t.content).toBe("{mention}");
    expect(t.embed.enabled).toBe(true);
    expect(t.embed.color).toBeNull();
    expect(t.embed.fields).toEqual([
      { name: "N", value: "", inline: false },
      { name: "", value: "", inline: false },
    ]);
    expect(t.embed.timestamp).toBe(true);
    expect(t.buttons.watch).toBe(false);
    expect(t.buttons.watch_label).toBe("Watch stream");
    expect(normalizeTemplate({ embed: { color: 0x1000000 } }).embed.color).toBe(0x9146ff);
    expect(normalizeTemplate({ embed: { color: 1.5 } }).embed.color).toBe(0x9146ff);
  });

  it("keeps fields it does not know, so they survive a save", () => {
    const t = normalizeTemplate({ future: 1, embed: { video: "x" }, buttons: { extra: true } });
    const json = JSON.parse(JSON.stringify(t));
    expect(json.future).toBe(1);
    expect(json.embed.video).toBe("x");
    expect(json.buttons.extra).toBe(true);
  });

  it("always produces every field of the contract", () => {
    const json = JSON.parse(JSON.stringify(normalizeTemplate({})));
    expect(Object.keys(json).sort()).toEqual(["buttons", "content", "embed"]);
    expect(Object.keys(json.embed).sort()).toEqual(
      [
        "enabled", "title", "url", "description", "color", "author_name", "author_url", "author_icon_url",
        "thumbnail_url", "image_url", "fields", "footer_text", "footer_icon_url", "timestamp",
      ].sort(),
    );
    expect(Object.keys(json.buttons).sort()).toEqual(["notify_me", "notify_me_label", "watch", "watch_label"]);
  });
});

describe("colours", () => {
  it("shows null as Twitch purple and pads hex", () => {
    expect(colorToHex(null)).toBe("#9146ff");
    expect(colorToHex(0xff)).toBe("#0000ff");
    expect(colorToHex(0)).toBe("#000000");
  });

  it("parses #rgb and #rrggbb, with or without #", () => {
    expect(parseHex("#9146FF")).toBe(0x9146ff);
    expect(parseHex("9146ff")).toBe(0x9146ff);
    expect(parseHex(" #fff ")).toBe(0xffffff);
    expect(parseHex("#12")).toBeNull();
    expect(parseHex("#gggggg")).toBeNull();
    expect(parseHex("")).toBeNull();
  });
});

describe("templateReducer", () => {
  const t = defaultTemplate();

  it("edits texts by their API location", () => {
    let s = templateReducer(t, { type: "text", path: "content", value: "c" });
    s = templateReducer(s, { type: "text", path: "embed.title", value: "title" });
    s = templateReducer(s, { type: "text", path: "embed.fields[1].value", value: "v" });
    s = templateReducer(s, { type: "text", path: "buttons.watch_label", value: "Go" });
    expect(s.content).toBe("c");
    expect(getText(s, "embed.title")).toBe("title");
    expect(s.embed.fields[1]).toEqual({ name: "Viewers", value: "v", inline: true });
    expect(s.embed.fields[0]).toBe(t.embed.fields[0]);
    expect(getText(s, "buttons.watch_label")).toBe("Go");
    expect(getText(s, "embed.fields[7].name")).toBe("");
    expect(t.content).toBe("{mention}"); // never mutates
  });

  it("toggles flags, colour and buttons", () => {
    let s = templateReducer(t, { type: "embed", key: "enabled", value: false });
    s = templateReducer(s, { type: "color", value: null });
    s = templateReducer(s, { type: "button", key: "notify_me", value: false });
    expect(s.embed.enabled).toBe(false);
    expect(s.embed.color).toBeNull();
    expect(s.buttons.notify_me).toBe(false);
  });

  it("adds, removes, moves and inlines fields, at most 25", () => {
    let s = templateReducer(t, { type: "addField" });
    expect(s.embed.fields[2]).toEqual({ name: "", value: "", inline: true });
    s = templateReducer(s, { type: "moveField", index: 0, by: 1 });
    expect(s.embed.fields.map((f) => f.name)).toEqual(["Viewers", "Game", ""]);
    expect(templateReducer(s, { type: "moveField", index: 0, by: -1 })).toBe(s);
    s = templateReducer(s, { type: "removeField", index: 1 });
    expect(s.embed.fields.map((f) => f.name)).toEqual(["Viewers", ""]);
    s = templateReducer(s, { type: "fieldInline", index: 0, value: false });
    expect(s.embed.fields[0]?.inline).toBe(false);
    for (let i = 0; i < 30; i++) s = templateReducer(s, { type: "addField" });
    expect(s.embed.fields).toHaveLength(MAX_FIELDS);
  });

  it("replaces everything on load", () => {
    const other = { ...t, content: "x" };
    expect(templateReducer(t, { type: "load", template: other })).toBe(other);
  });
});

describe("helpers", () => {
  it("makes element ids from locations", () => {
    expect(inputId("content")).toBe("f-content");
    expect(inputId("embed.fields[2].value")).toBe("f-embed-fields-2-value");
    expect(inputId("buttons.watch_label")).toBe("f-buttons-watch_label");
  });

  it("inserts at the caret or over a selection", () => {
    expect(insertAt("Hello world", "{x}", 6, 6)).toEqual({ value: "Hello {x}world", caret: 9 });
    expect(insertAt("Hello world", "{x}", 6, 11)).toEqual({ value: "Hello {x}", caret: 9 });
    expect(insertAt("abc", "{x}", null, null)).toEqual({ value: "abc{x}", caret: 6 });
  });
});
