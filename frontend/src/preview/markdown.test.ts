import { describe, expect, it } from "vitest";
import { type MdNode, parse, plainText } from "./markdown";

const text = (t: string): MdNode => ({ kind: "text", text: t });

describe("markdown subset", () => {
  it("parses the inline styles", () => {
    expect(parse("a **b** c")).toEqual([text("a "), { kind: "strong", children: [text("b")] }, text(" c")]);
    expect(parse("*i* _j_ __u__ ~~s~~ ||p||")).toEqual([
      { kind: "em", children: [text("i")] },
      text(" "),
      { kind: "em", children: [text("j")] },
      text(" "),
      { kind: "underline", children: [text("u")] },
      text(" "),
      { kind: "strike", children: [text("s")] },
      text(" "),
      { kind: "spoiler", children: [text("p")] },
    ]);
  });

  it("nests styles", () => {
    expect(parse("***both***")).toEqual([{ kind: "strong", children: [{ kind: "em", children: [text("both")] }] }]);
    expect(parse("__**x**__")).toEqual([{ kind: "underline", children: [{ kind: "strong", children: [text("x")] }] }]);
    expect(parse("*a **b** c*")).toEqual([
      { kind: "em", children: [text("a "), { kind: "strong", children: [text("b")] }, text(" c")] },
    ]);
  });

  it("leaves unmatched or spaced markers and snake_case alone", () => {
    expect(parse("2 * 3 * 4")).toEqual([text("2 * 3 * 4")]);
    expect(parse("**open")).toEqual([text("**open")]);
    expect(parse("snake_case_name")).toEqual([text("snake_case_name")]);
    expect(parse("****")).toEqual([text("****")]);
  });

  it("keeps code raw", () => {
    expect(parse("run `**not bold**` now")).toEqual([text("run "), { kind: "code", text: "**not bold**" }, text(" now")]);
    expect(parse("``a`b``")).toEqual([{ kind: "code", text: "a`b" }]);
  });

  it("honours backslash escapes, as the server escapes Twitch text", () => {
    expect(parse("\\*\\*not bold\\*\\*")).toEqual([text("**not bold**")]);
    expect(parse("**a\\**b**")).toEqual([{ kind: "strong", children: [text("a**b")] }]);
    expect(parse("\\[link\\]\\(https://evil.example\\)")).toEqual([
      text("[link]("),
      { kind: "link", url: "https://evil.example", children: [text("https://evil.example")] },
      text(")"),
    ]);
    expect(parse("\\[link\\]\\(https://evil.example\\)", { links: false })).toEqual([text("[link](https://evil.example)")]);
    expect(parse("back\\\\slash \\a")).toEqual([text("back\\slash \\a")]);
  });

  it("renders the server's escaped emoji sample title literally", () => {
    const title = "🔴 LIVE @\u200beveryone <\u200b@&123> \\*\\*bold\\*\\* \\_\\_u\\_\\_ \\|\\|spoiler\\|\\| \\`code\\`";
    expect(parse(title)).toEqual([text("🔴 LIVE @\u200beveryone <\u200b@&123> **bold** __u__ ||spoiler|| `code`")]);
  });

  it("finds masked, angled and bare links", () => {
    expect(parse("see [the **stream**](https://twitch.tv/x)")).toEqual([
      text("see "),
      { kind: "link", url: "https://twitch.tv/x", children: [text("the "), { kind: "strong", children: [text("stream")] }] },
    ]);
    expect(parse("<https://a.example/b>")).toEqual([{ kind: "link", url: "https://a.example/b", children: [text("https://a.example/b")] }]);
    expect(parse("go https://twitch.tv/x_y.")).toEqual([
      text("go "),
      { kind: "link", url: "https://twitch.tv/x_y", children: [text("https://twitch.tv/x_y")] },
      text("."),
    ]);
    expect(parse("[x](javascript:alert(1))")).toEqual([text("[x](javascript:alert(1))")]);
  });

  it("turns off links where Discord has none", () => {
    expect(parse("[a](https://b.example) https://c.example", { links: false })).toEqual([
      text("[a](https://b.example) https://c.example"),
    ]);
  });

  it("parses mentions and timestamps", () => {
    expect(parse("<@&111> <@22> <@!3> <#4>")).toEqual([
      { kind: "mention", type: "role", id: "111" },
      text(" "),
      { kind: "mention", type: "user", id: "22" },
      text(" "),
      { kind: "mention", type: "user", id: "3" },
      text(" "),
      { kind: "mention", type: "channel", id: "4" },
    ]);
    expect(parse("<t:1700000000:R> <t:1700000000>")).toEqual([
      { kind: "time", unix: 1700000000, style: "R" },
      text(" "),
      { kind: "time", unix: 1700000000, style: "f" },
    ]);
    expect(parse("<t:17:X>")).toEqual([text("<t:17:X>")]);
  });

  it("gives plain text", () => {
    expect(plainText(parse("**Hi** <@&1> `c`"))).toBe("Hi @role c");
  });
});
