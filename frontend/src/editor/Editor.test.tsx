import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { EditorPage } from "../pages/EditorPage";
import { type Call, mockApi } from "../test/fetch";
import type { Template, TemplateError } from "../types";
import { defaultTemplate } from "./template";

/** A fake render API: content and title echo the template; `{streamer_name}` is an error. */
function renderApi(call: Call): [number, unknown] {
  const { template } = call.body as { template: Template };
  const errors: TemplateError[] = [];
  if (template.content.includes("{streamer_name}")) {
    errors.push({ location: "content", message: "unknown variable {streamer_name}: did you mean {streamer_display_name}? (write `{{` for braces)" });
  }
  const title = template.embed.title.replace("{stream_title}", "Ranked grind");
  return [200, { message: { content: template.content, embeds: [{ title, color: template.embed.color ?? 0x9146ff }], components: [] }, errors }];
}

function api(overrides: Record<string, (c: Call) => [number, unknown]> = {}) {
  return mockApi({
    "GET /api/templates": (c) =>
      c.query.get("token") === "tok"
        ? [200, { template: defaultTemplate(), guild_name: "Pixel Den", streamer: null }]
        : [403, { error: "link expired", reason: "expired" }],
    "GET /api/templates/default": () => [200, { template: defaultTemplate() }],
    "POST /api/templates/render": renderApi,
    "PUT /api/templates": () => [200, { saved: true }],
    ...overrides,
  });
}

const renders = (calls: Call[]) => calls.filter((c) => c.path === "/api/templates/render");

async function openEditor(token: string | null = "tok") {
  const user = userEvent.setup();
  render(<EditorPage token={token} />);
  const title = (await screen.findByLabelText("Card title")) as HTMLInputElement;
  await screen.findByTestId("embed-title");
  return { user, title };
}

describe("the template editor", () => {
  it("loads the server's template with the token and previews it", async () => {
    const calls = api();
    const { title } = await openEditor();
    expect(calls[0]?.path).toBe("/api/templates");
    expect(calls[0]?.query.get("token")).toBe("tok");
    expect(title.value).toBe("{stream_title}");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Alert template");
    expect(screen.getByText("Pixel Den")).toBeTruthy();
    expect(screen.getByTestId("embed-title").textContent).toBe("Ranked grind");
    expect(screen.getByRole("status").textContent).toBe("No changes yet");
  });

  it("re-renders after typing, debounced, then saves the whole template", async () => {
    const calls = api();
    const { user, title } = await openEditor();
    const before = renders(calls).length;
    await user.clear(title);
    await user.type(title, "E2E title {{stream_title}");
    await waitFor(() => expect(screen.getByTestId("embed-title").textContent).toBe("E2E title Ranked grind"));
    expect(renders(calls).length - before).toBeLessThan(5); // not one per keystroke
    expect(screen.getByRole("status").textContent).toBe("Unsaved changes");

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Saved/));
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.query.get("token")).toBe("tok");
    const sent = (put?.body as { template: Template }).template;
    expect(sent).toEqual({ ...defaultTemplate(), embed: { ...defaultTemplate().embed, title: "E2E title {stream_title}" } });
  });

  it("says why a preview was refused, and asks again when the server says to", async () => {
    let refusals = 0;
    const calls = api({
      "POST /api/templates/render": (c) => {
        const { template } = c.body as { template: Template };
        if (template.content.length > 100) return [413, { error: "the template is too large: shorten it", reason: "too_large" }];
        if (refusals++ === 1) return [429, { error: "too many previews from your address: try again in 1 s", reason: "rate_limited", retry_after: 1 }];
        return renderApi(c);
      },
    });
    const { user, title } = await openEditor();
    await user.type(title, "!");
    await screen.findByText(/too many previews/);
    await waitFor(() => expect(screen.getByTestId("embed-title").textContent).toBe("Ranked grind!"), { timeout: 3000 });
    expect(screen.queryByText(/too many previews/)).toBeNull();
    const before = renders(calls).length;
    fireEvent.change(screen.getByLabelText("Message content"), { target: { value: "x".repeat(101) } });
    await screen.findByText(/the template is too large/);
    expect(renders(calls).length).toBe(before + 1);
    expect(screen.getByTestId("embed-title").textContent).toBe("Ranked grind!"); // the last preview stays
  });

  it("shows render errors inline and in a summary, and disables Save", async () => {
    api();
    const { user } = await openEditor();
    const content = screen.getByLabelText("Message content");
    await user.clear(content);
    await user.type(content, "Live {{streamer_name}");
    const inline = await screen.findByText(/unknown variable \{streamer_name\}/, { selector: "#f-content-errors li" });
    expect(inline.querySelector("code")?.textContent).toBe("{{");
    expect(content.getAttribute("aria-invalid")).toBe("true");
    expect(content.getAttribute("aria-describedby")).toContain("f-content-errors");
    const summary = screen.getByRole("region", { name: "1 problem to fix before saving" });
    expect(summary.closest("[aria-live=polite]")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("Fix the problem listed above to save.");

    content.blur();
    await user.click(within(summary).getByRole("link", { name: "Message content" }));
    expect(document.activeElement).toBe(content);
  });

  it("shows the server's reasons when saving is refused", async () => {
    api({
      "PUT /api/templates": () => [400, { error: "the template has problems", errors: [{ location: "embed.title", message: "too long" }] }],
    });
    const { user, title } = await openEditor();
    await user.type(title, "!");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("too long", { selector: "#f-embed-title-errors li" });
    expect(screen.getByRole("status").textContent).toMatch(/^Not saved: the template has problems/);
  });

  it("keeps the edits and explains an expired link on save", async () => {
    api({ "PUT /api/templates": () => [403, { error: "link expired", reason: "expired" }] });
    const { user, title } = await openEditor();
    await user.type(title, "!");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/editor link has expired.*\/template preview.*still here/));
    expect(title.value).toBe("{stream_title}!");
  });

  it("shows an error page for an expired editor link", async () => {
    api();
    render(<EditorPage token="old" />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("This editor link has expired");
    expect(screen.getByText(/\/template preview/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open the playground instead" }).getAttribute("href")).toBe("/editor");
    expect(screen.queryByLabelText("Card title")).toBeNull();
  });

  it("is a playground without a token: default template, no Save", async () => {
    const calls = api();
    await openEditor(null);
    expect(calls[0]?.path).toBe("/api/templates/default");
    expect(calls[0]?.query.get("lang")).toBe(navigator.language);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Template playground");
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.getByText(/Open the web editor/)).toBeTruthy();
  });

  it("sends the chosen sample and colour to the renderer", async () => {
    const calls = api();
    const { user } = await openEditor();
    await user.selectOptions(screen.getByLabelText("Sample stream"), "emoji");
    await waitFor(() => expect(renders(calls).at(-1)?.body).toMatchObject({ sample: "emoji" }));
    const hex = screen.getByLabelText("Colour hex code");
    await user.clear(hex);
    await user.type(hex, "#00ff00");
    await waitFor(() => expect(renders(calls).at(-1)?.body).toMatchObject({ template: { embed: { color: 0x00ff00 } } }));
    await waitFor(() => expect(screen.getByTestId("embed").style.getPropertyValue("--embed-color")).toBe("#00ff00"));
    await user.click(screen.getByRole("button", { name: "Use Twitch purple" }));
    await waitFor(() => expect(renders(calls).at(-1)?.body).toMatchObject({ template: { embed: { color: null } } }));
    expect((hex as HTMLInputElement).value).toBe("#9146ff");
  });

  it("inserts a variable where the cursor was", async () => {
    api();
    const { user, title } = await openEditor();
    await user.click(title);
    title.setSelectionRange(0, 0);
    await user.click(screen.getByText("Variables you can use"));
    await user.click(screen.getByRole("button", { name: "{game_name}" }));
    expect(title.value).toBe("{game_name}{stream_title}");
    await act(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(document.activeElement).toBe(title);
  });

  it("adds and removes card fields", async () => {
    api();
    const { user } = await openEditor();
    await user.click(screen.getByRole("button", { name: "+ Add field" }));
    const name = screen.getByLabelText("Field 3 name");
    fireEvent.change(name, { target: { value: "Language" } });
    expect((name as HTMLInputElement).value).toBe("Language");
    await user.click(screen.getByRole("button", { name: "Remove field 1" }));
    expect((screen.getByLabelText("Field 1 name") as HTMLInputElement).value).toBe("Viewers");
    expect(screen.queryByLabelText("Field 3 name")).toBeNull();
  });

  it("hides the card's inputs when the card is off", async () => {
    api();
    const { user } = await openEditor();
    await user.click(screen.getByLabelText("Show a card (embed) under the message"));
    expect(screen.queryByLabelText("Card title")).toBeNull();
    expect(screen.getByText(/The card is off/)).toBeTruthy();
  });
});
