import { describe, expect, it, vi } from "vitest";
import { ApiError, getLinkInfo, isAbort, renderTemplate, saveTemplate, twitchStartUrl } from "./api";
import { defaultTemplate } from "./editor/template";
import { mockApi } from "./test/fetch";

describe("api", () => {
  it("turns error bodies into ApiError with reason and template errors", async () => {
    mockApi({
      "GET /api/link": () => [410, { error: "this link was already used", reason: "used" }],
      "PUT /api/templates": () => [400, { error: "the template has problems", errors: [{ location: "content", message: "m" }, { bad: 1 }] }],
    });
    const link = await getLinkInfo("t").catch((e: unknown) => e);
    expect(link).toBeInstanceOf(ApiError);
    expect(link).toMatchObject({ status: 410, reason: "used", message: "this link was already used" });
    const save = await saveTemplate("t", defaultTemplate()).catch((e: unknown) => e);
    expect(save).toMatchObject({ status: 400, reason: null, errors: [{ location: "content", message: "m" }] });
  });

  it("sends JSON bodies with the token in the query", async () => {
    const calls = mockApi({ "POST /api/templates/render": () => [200, { message: { content: "", embeds: [], components: [] }, errors: [] }] });
    await renderTemplate(defaultTemplate(), "long_title");
    expect(calls[0]?.body).toEqual({ template: defaultTemplate(), sample: "long_title" });
    expect(twitchStartUrl("a b&c")).toBe("/api/auth/twitch/start?token=a%20b%26c");
  });

  it("reports an unreachable server and a non-JSON answer", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(getLinkInfo("t")).rejects.toMatchObject({ status: 0, reason: "network" });
    vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response("<!doctype html>", { status: 200 }))));
    await expect(getLinkInfo("t")).rejects.toMatchObject({ status: 200, reason: "bad_response" });
    vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response("oops", { status: 502 }))));
    await expect(getLinkInfo("t")).rejects.toMatchObject({ status: 502, message: "the server answered 502" });
  });

  it("lets aborts through as aborts", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new DOMException("aborted", "AbortError"))));
    const e = await getLinkInfo("t").catch((x: unknown) => x);
    expect(isAbort(e)).toBe(true);
  });
});
