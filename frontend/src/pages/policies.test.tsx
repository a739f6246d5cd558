import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import { mockApi } from "../test/fetch";
import type { AppConfig } from "../types";

const config = (operator_contact: string | null): AppConfig => ({
  invite_url: null,
  features: { discord: true, twitch: true, web: true },
  operator_contact,
});

const page = () => document.body.textContent ?? "";
/** The first answer from /api/config may take a while on a busy machine. */
const SLOW = { timeout: 3000 };

describe.each(["/privacy", "/terms"])("%s", (pathname) => {
  it("links the operator's email address from /api/config", async () => {
    mockApi({ "GET /api/config": () => [200, config("privacy@example.com")] });
    render(<App pathname={pathname} />);
    const contact = await screen.findByRole("link", { name: "privacy@example.com" }, SLOW);
    expect(contact.getAttribute("href")).toBe("mailto:privacy@example.com");
  });

  it("links a contact page and shows any other contact as written", async () => {
    mockApi({ "GET /api/config": () => [200, config("https://example.com/support")] });
    const { unmount } = render(<App pathname={pathname} />);
    expect((await screen.findByRole("link", { name: "https://example.com/support" }, SLOW)).getAttribute("href")).toBe(
      "https://example.com/support",
    );
    unmount();
    mockApi({ "GET /api/config": () => [200, config("Ask Pixel in the StreamMaxing server")] });
    render(<App pathname={pathname} />);
    expect(await screen.findByText("Ask Pixel in the StreamMaxing server", {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Ask Pixel in the StreamMaxing server" })).toBeNull();
  });

  it("says how to find the operator when no contact is published", async () => {
    mockApi({ "GET /api/config": () => [200, config(null)] });
    render(<App pathname={pathname} />);
    expect(await screen.findByText(/The operator has not published a contact/, {}, SLOW)).toBeTruthy();
    expect(page()).toContain("App Directory");
  });
});

describe("privacy policy", () => {
  it("states what is stored, what is not, how long, and how to erase it", async () => {
    mockApi({ "GET /api/config": () => [200, config("privacy@example.com")] });
    render(<App pathname="/privacy" />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Privacy Policy");
    await screen.findByRole("link", { name: "privacy@example.com" }, SLOW);
    const text = page();
    // What is stored.
    for (const stored of [
      "server's id and name",
      "members' /notify choices: server id, member id and streamer",
      "Discord message id",
      "public Twitch profile",
      "EventSub subscriptions",
      "id and token of the webhook",
    ]) {
      expect(text).toContain(stored);
    }
    // What is not.
    expect(text).toContain("the content of members' messages");
    expect(text).toContain("Twitch sign-in tokens");
    expect(text).toContain("never written to the database");
    // How long.
    expect(text).toContain("Alert history (message ids, delivery records): 30 days");
    expect(text).toContain("Template form drafts and EventSub message ids: 24 hours.");
    expect(text).toContain("until the link expires");
    expect(text).toContain("forgets the server a day later");
    expect(text).toContain("deleted when the server stops following them");
    expect(text).toContain("deleted a day after the last server stopped following them");
    expect(text).not.toContain("kept without a time limit");
    // How to erase it.
    expect(screen.getByText("/notify forget")).toBeTruthy();
    expect(screen.getByText("streammaxing forget --guild")).toBeTruthy();
    expect(text).toContain("takes back the 🔔 roles the bot gave you");
  });
});

describe("terms of service", () => {
  it("states the service's terms plainly and links the privacy policy", async () => {
    mockApi({ "GET /api/config": () => [200, config("privacy@example.com")] });
    render(<App pathname="/terms" />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Terms of Service");
    await screen.findByRole("link", { name: "privacy@example.com" }, SLOW);
    const text = page();
    expect(text).toContain("provided as is by its operator");
    expect(text).toContain("may change the service, or stop it");
    expect(screen.getByRole("link", { name: "Discord's Terms of Service" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Twitch's Terms of Service" })).toBeTruthy();
    expect(text).toContain("whom each alert pings");
    expect(screen.getByRole("link", { name: "Privacy Policy" }).getAttribute("href")).toBe("/privacy");
  });
});
