import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { mockApi } from "../test/fetch";
import { Landing } from "./Landing";
import { LinkPage } from "./LinkPage";
import { LinkDone, LinkError } from "./LinkResult";

const heading = async () => (await screen.findByRole("heading", { level: 1 })).textContent;

describe("landing page", () => {
  it("links to Discord's install page from /api/config", async () => {
    const invite = "https://discord.com/oauth2/authorize?client_id=1&scope=bot";
    mockApi({ "GET /api/config": () => [200, { invite_url: invite, features: { discord: true, twitch: true, web: true } }] });
    render(<Landing />);
    expect((await screen.findByRole("link", { name: "Add to Discord" })).getAttribute("href")).toBe(invite);
    expect(screen.getByText("/setup channel:#live")).toBeTruthy();
    expect(screen.getByText("/streamers add login:<name>")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Try the template editor playground" }).getAttribute("href")).toBe("/editor");
  });

  it("says so when the instance has no Discord application", async () => {
    mockApi({ "GET /api/config": () => [200, { invite_url: null, features: { discord: false, twitch: false, web: true } }] });
    render(<Landing />);
    expect(await screen.findByText("This StreamMaxing instance isn't connected to Discord yet.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Add to Discord" })).toBeNull();
  });
});

describe("link page", () => {
  it("explains linking and links to the Twitch start with the token", async () => {
    const calls = mockApi({ "GET /api/link": () => [200, { guild_name: "Pixel Den", expires_at: Date.now() + 60_000 }] });
    render(<LinkPage token="a+b/c" />);
    const connect = await screen.findByRole("link", { name: "Connect with Twitch" });
    expect(connect.getAttribute("href")).toBe("/api/auth/twitch/start?token=a%2Bb%2Fc");
    expect(calls[0]?.query.get("token")).toBe("a+b/c");
    expect(screen.getByText("Pixel Den")).toBeTruthy();
    expect(screen.getByText("Your streams will be announced in that server.")).toBeTruthy();
    expect(screen.getByText("You'll show as verified.")).toBeTruthy();
    expect(screen.getByText("Your alerts stop counting against Twitch's subscription limit.")).toBeTruthy();
  });

  it("names no server it doesn't know", async () => {
    mockApi({ "GET /api/link": () => [200, { guild_name: null, expires_at: Date.now() + 60_000 }] });
    render(<LinkPage token="t" />);
    expect(await screen.findByText(/A server admin of your Discord server/)).toBeTruthy();
  });

  it.each([
    [403, "expired", "This link has expired", "This link has expired. Ask a server admin for a new one with /streamers link."],
    [410, "used", "This link was already used", /^This link was already used/],
    [403, "invalid", "This link isn't valid", /^This link isn't valid/],
    [503, "not_configured", "Linking isn't set up here", /isn't set up on this StreamMaxing instance/],
  ])("shows a clear error page for a %s %s link", async (status, reason, title, text) => {
    mockApi({ "GET /api/link": () => [status, { error: "nope", reason }] });
    render(<LinkPage token="t" />);
    expect(await heading()).toBe(title);
    expect(screen.getByText(text, { selector: "p" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Connect with Twitch" })).toBeNull();
  });

  it("treats a missing token as an invalid link, without asking the server", async () => {
    const calls = mockApi({});
    render(<LinkPage token={null} />);
    expect(await heading()).toBe("This link isn't valid");
    expect(calls).toHaveLength(0);
  });

  it("tells when the server can't be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    render(<LinkPage token="t" />);
    expect(await heading()).toBe("StreamMaxing can't be reached");
  });
});

describe("link result pages", () => {
  it("celebrates the linked streamer by display name, else login", () => {
    render(<LinkDone login="pixel_panda" name="Pixel_Panda" />);
    expect(screen.getByText("Pixel_Panda is linked! Their go-live alerts are on in your server.")).toBeTruthy();
  });

  it("falls back to the login", () => {
    render(<LinkDone login="pixel_panda" name={null} />);
    expect(screen.getByText("pixel_panda is linked! Their go-live alerts are on in your server.")).toBeTruthy();
  });

  it.each([
    ["denied", "You cancelled on Twitch. Nothing was changed; you can try again."],
    ["state", "This sign-in attempt didn't match this browser (it may have been opened in another window). Start again from your link."],
    ["expired", "This link has expired. Ask a server admin for a new one with /streamers link."],
    ["twitch", /Twitch didn't complete the sign-in/],
    ["bogus", /Something went wrong/],
  ])("explains the %s error", (reason, text) => {
    render(<LinkError reason={reason} />);
    expect(screen.getByText(text, { selector: "p" })).toBeTruthy();
  });
});

describe("routing", () => {
  it("picks the page from the path and query", () => {
    render(<App pathname="/link/done/" search="?streamer=abc&name=ABC" />);
    expect(screen.getByText(/^ABC is linked!/)).toBeTruthy();
  });

  it("routes /link/error", () => {
    render(<App pathname="/link/error" search="?reason=denied" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Twitch sign-in cancelled");
  });

  it("has a not-found page", () => {
    render(<App pathname="/nope" search="" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Page not found");
    expect(document.title).toBe("Page not found · StreamMaxing");
  });
});
