import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RenderedMessage } from "../types";
import { DiscordPreview } from "./DiscordPreview";
import { fieldSpans } from "./EmbedView";

const now = Date.UTC(2025, 10, 26, 15, 0, 0);
const started = (now - 180_000) / 1000;

const message: RenderedMessage = {
  content: "<@&111111111111111111> **Pixel_Panda** is *live*: `code` [watch](https://www.twitch.tv/pixel_panda) ~~old~~ __new__",
  embeds: [
    {
      type: "rich",
      title: "Ranked grind \\*\\*to\\*\\* Diamond",
      url: "https://www.twitch.tv/pixel_panda",
      description: `Started <t:${started}:R>. [bad](javascript:alert(1))`,
      color: 0x00ff00,
      timestamp: new Date(now - 180_000).toISOString(),
      author: { name: "Pixel_Panda", url: "https://www.twitch.tv/pixel_panda", icon_url: "https://img.example/a.png" },
      thumbnail: { url: "https://img.example/t.png" },
      image: { url: "https://img.example/i.jpg" },
      fields: [
        { name: "Game", value: "VALORANT", inline: true },
        { name: "Viewers", value: "1,234", inline: true },
        { name: "About", value: "Long text", inline: false },
      ],
      footer: { text: "Twitch", icon_url: "https://img.example/f.png" },
    },
  ],
  components: [
    {
      type: 1,
      components: [
        { type: 2, style: 5, label: "Watch stream", url: "https://www.twitch.tv/pixel_panda" },
        { type: 2, style: 2, label: "Notify me", custom_id: "notify:1", emoji: { name: "🔔" } },
      ],
    },
  ],
};

describe("DiscordPreview", () => {
  it("shows the app's name and badge", () => {
    render(<DiscordPreview message={message} now={now} />);
    const preview = screen.getByRole("article", { name: "Notification preview" });
    expect(within(preview).getByText("StreamMaxing")).toBeTruthy();
    expect(within(preview).getByText("APP")).toBeTruthy();
  });

  it("renders the content's markdown", () => {
    render(<DiscordPreview message={message} now={now} />);
    const content = screen.getByTestId("message-content");
    expect(content.querySelector(".dc-mention")?.textContent).toBe("@role");
    expect(content.querySelector("strong")?.textContent).toBe("Pixel_Panda");
    expect(content.querySelector("em")?.textContent).toBe("live");
    expect(content.querySelector("code")?.textContent).toBe("code");
    expect(content.querySelector("s")?.textContent).toBe("old");
    expect(content.querySelector("u")?.textContent).toBe("new");
    const link = within(content).getByRole("link", { name: "watch" });
    expect(link.getAttribute("href")).toBe("https://www.twitch.tv/pixel_panda");
    expect(link.getAttribute("rel")).toContain("noopener");
  });

  it("renders the embed: colour, author, linked title, description, fields, footer", () => {
    render(<DiscordPreview message={message} now={now} />);
    const embed = screen.getByTestId("embed");
    expect(embed.style.getPropertyValue("--embed-color")).toBe("#00ff00");
    expect(embed.getAttribute("style")).toContain("--embed-color"); // set through CSSOM, not markup
    expect(within(embed).getByRole("link", { name: "Pixel_Panda" }).getAttribute("href")).toBe("https://www.twitch.tv/pixel_panda");
    const title = screen.getByTestId("embed-title");
    expect(title.textContent).toBe("Ranked grind **to** Diamond");
    expect(within(title).getByRole("link").getAttribute("href")).toBe("https://www.twitch.tv/pixel_panda");
    expect(embed.querySelector(".dc-embed-description time")?.textContent).toBe("3 minutes ago");
    expect(within(embed).queryByRole("link", { name: "bad" })).toBeNull();
    expect(embed.querySelector(".dc-embed-description")?.textContent).toContain("[bad](javascript:alert(1))");
    const fields = embed.querySelectorAll(".dc-embed-field");
    expect([...fields].map((f) => f.className)).toEqual([
      "dc-embed-field dc-span-6",
      "dc-embed-field dc-span-6",
      "dc-embed-field dc-span-12",
    ]);
    expect(embed.querySelector(".dc-embed-footer")?.textContent).toMatch(/^Twitch • Today at /);
    expect(embed.querySelector("img.dc-embed-thumbnail")?.getAttribute("src")).toBe("https://img.example/t.png");
    expect(embed.querySelector("img.dc-embed-image")?.getAttribute("src")).toBe("https://img.example/i.jpg");
  });

  it("shows a placeholder for an image that fails to load", () => {
    render(<DiscordPreview message={message} now={now} />);
    const img = screen.getByTestId("embed").querySelector("img.dc-embed-image");
    expect(img).toBeTruthy();
    fireEvent.error(img as Element);
    expect(screen.getByRole("img", { name: "Embed image" }).className).toContain("dc-img-placeholder");
  });

  it("renders link buttons as links and others as inert labels", () => {
    render(<DiscordPreview message={message} now={now} />);
    const watch = screen.getByRole("link", { name: /Watch stream/ });
    expect(watch.getAttribute("href")).toBe("https://www.twitch.tv/pixel_panda");
    expect(watch.querySelector(".dc-button-external")).toBeTruthy();
    const notify = screen.getByText("Notify me").closest(".dc-button");
    expect(notify?.tagName).toBe("SPAN");
    expect(notify?.className).toContain("dc-button-secondary");
    expect(notify?.textContent).toBe("🔔Notify me");
  });

  it("shows no embed or buttons when there are none", () => {
    render(<DiscordPreview message={{ content: "Just text", embeds: [], components: [] }} now={now} />);
    expect(screen.queryByTestId("embed")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("Just text")).toBeTruthy();
  });
});

describe("fieldSpans", () => {
  const f = (inline: boolean) => ({ name: "n", value: "v", inline });
  it("puts up to three inline fields in a row", () => {
    expect(fieldSpans([f(true), f(true), f(true), f(true)], false)).toEqual([4, 4, 4, 12]);
    expect(fieldSpans([f(true), f(false), f(true), f(true)], false)).toEqual([12, 12, 6, 6]);
  });
  it("puts two in a row beside a thumbnail", () => {
    expect(fieldSpans([f(true), f(true), f(true)], true)).toEqual([6, 6, 12]);
  });
});
