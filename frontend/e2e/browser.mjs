#!/usr/bin/env node
// Browser checks of the web app against a running StreamMaxing server, in
// Debian's headless Chromium (playwright-core, no downloaded browser).
//
//   BASE_URL=http://127.0.0.1:3000 LINK_TOKEN=… EDITOR_TOKEN=… \
//   SCREENSHOT_DIR=/tmp/shots node e2e/browser.mjs
//
// Optional: CHROMIUM_PATH (default /usr/bin/chromium).
// Prints one line per step, then "e2e: N passed, N failed"; exits 0 only if
// every assertion held. Requests to anything but BASE_URL and loopback
// addresses (the local Twitch stand-in) are blocked, so the run is hermetic.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const OVERALL_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 15_000;
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.error(`e2e: set ${name} (see the comment at the top of e2e/browser.mjs)`);
    process.exit(2);
  }
  return value;
}

const BASE_URL = env("BASE_URL").replace(/\/+$/, "");
const LINK_TOKEN = env("LINK_TOKEN");
const EDITOR_TOKEN = env("EDITOR_TOKEN");
const SCREENSHOT_DIR = env("SCREENSHOT_DIR", "e2e-screenshots");
const CHROMIUM = env("CHROMIUM_PATH", "/usr/bin/chromium");
const ORIGIN = new URL(BASE_URL).origin;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(message);
}

const enc = encodeURIComponent;

/** The token with each of its last three characters replaced by another. */
function tamper(token) {
  const swap = (c) => (c === "A" ? "B" : "A");
  return token.slice(0, -3) + [...token.slice(-3)].map(swap).join("");
}

let context;
const results = [];

/** A fresh tab that records uncaught errors and CSP violations. */
async function openPage(viewport) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  if (viewport) await page.setViewportSize(viewport);
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`uncaught error: ${e.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) {
      page.problems.push(`CSP violation: ${msg.text()}`);
    }
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

async function step(name, run) {
  const started = Date.now();
  let page;
  try {
    page = await openPage();
    const detail = await run(page);
    assert(page.problems.length === 0, page.problems.join("; "));
    results.push(true);
    console.log(`ok    ${name} (${Date.now() - started} ms)${detail ? `: ${detail}` : ""}`);
  } catch (e) {
    results.push(false);
    let where = "";
    if (page && !page.isClosed()) {
      const shown = await page.locator("h1").first().innerText({ timeout: 1_000 }).catch(() => "");
      where = ` [at ${page.url()}${shown ? `, page says "${shown}"` : ""}]`;
    }
    console.log(`FAIL  ${name}: ${e instanceof Failure ? e.message : String(e?.message ?? e).split("\n")[0]}${where}`);
  } finally {
    await page?.close().catch(() => {});
  }
}

async function openEditor(page) {
  await page.goto(`${BASE_URL}/editor?token=${enc(EDITOR_TOKEN)}`);
  const title = page.getByLabel("Card title", { exact: true });
  const cardOn = page.getByLabel("Show a card (embed) under the message");
  await cardOn.waitFor();
  if (!(await cardOn.isChecked())) await cardOn.check();
  await title.waitFor();
  await page.getByTestId("embed-title").first().waitFor();
  return title;
}

async function run() {
  await step("landing", async (page) => {
    await page.goto(`${BASE_URL}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const add = page.getByRole("link", { name: "Add to Discord" });
    await add.or(page.getByText("isn't connected to Discord yet")).first().waitFor();
    assert((await add.count()) === 1, "no Add to Discord link: /api/config has no invite_url (is Discord configured?)");
    const href = (await add.getAttribute("href")) ?? "";
    assert(href.startsWith("https://discord.com/oauth2/authorize"), `"Add to Discord" goes to ${JSON.stringify(href)}`);
    await shot(page, "landing.png");
    return href.slice(0, 60);
  });

  await step("link", async (page) => {
    await page.goto(`${BASE_URL}/link?token=${enc(LINK_TOKEN)}`);
    const connect = page.getByRole("link", { name: "Connect with Twitch" });
    await connect.waitFor();
    const text = await page.locator("main").innerText();
    assert(/announced/i.test(text) && /verified/i.test(text), "the page doesn't say what linking does");
    await shot(page, "link.png");
    await connect.click();
    await page.waitForURL((u) => u.pathname === "/link/done" || u.pathname === "/link/error", { timeout: 20_000 });
    const url = new URL(page.url());
    assert(url.pathname === "/link/done", `Twitch sign-in ended on /link/error, reason ${url.searchParams.get("reason")}`);
    const login = url.searchParams.get("streamer");
    assert(login, "no streamer in the /link/done URL");
    const name = url.searchParams.get("name") || login;
    await page.getByRole("heading", { level: 1 }).waitFor();
    const done = await page.locator("main").innerText();
    assert(done.includes(name) && /linked/i.test(done), `no success message naming ${name}`);
    await shot(page, "link-success.png");
    return `linked ${login}`;
  });

  await step("editor", async (page) => {
    const title = await openEditor(page);
    await shot(page, "editor.png");
    const wanted = "E2E title {stream_title}";
    await title.fill(wanted);
    await page.getByTestId("embed-title").filter({ hasText: "E2E title" }).first().waitFor();
    const save = page.getByRole("button", { name: "Save", exact: true });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent?.trim() === "Save");
      return b && !b.disabled;
    });
    await save.click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await shot(page, "editor-saved.png");
    await page.reload();
    const again = await openEditor(page);
    const value = await again.inputValue();
    assert(value.includes(wanted), `after reload the title is ${JSON.stringify(value)}`);
    return "saved and reloaded";
  });

  await step("editor-unknown-variable", async (page) => {
    await openEditor(page);
    await page.getByLabel("Message content", { exact: true }).fill("Live now {streamer_name}");
    await page.locator("#f-content-errors").filter({ hasText: "streamer_name" }).waitFor();
    const save = page.getByRole("button", { name: "Save", exact: true });
    if (await save.isEnabled()) {
      await save.click();
      await page.getByRole("status").filter({ hasText: "Not saved" }).waitFor();
    }
    await shot(page, "editor-invalid.png");
    return (await save.isDisabled()) ? "inline error shown, Save disabled" : "inline error shown, save refused";
  });

  await step("link-tampered", async (page) => {
    await page.goto(`${BASE_URL}/link?token=${enc(tamper(LINK_TOKEN))}`);
    const heading = page.getByRole("heading", { level: 1 });
    await heading.waitFor();
    await page.locator(".status-error").waitFor();
    const text = await page.locator("main").innerText();
    assert(/link/i.test(text), "the error page doesn't mention the link");
    assert((await page.getByRole("link", { name: "Connect with Twitch" }).count()) === 0, "a Connect button is shown");
    await shot(page, "link-error.png");
    return JSON.stringify(await heading.innerText());
  });

  await step("editor-phone", async (page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openEditor(page);
    await shot(page, "editor-phone.png");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 390, `the page is ${width}px wide on a 390px screen`);
    return `scrollWidth ${width}`;
  });
}

async function main() {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "streammaxing-e2e-"));
  const timer = setTimeout(() => {
    console.log(`FAIL  overall: still running after ${OVERALL_TIMEOUT_MS / 1000} s`);
    void shutdown(profile).finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 30_000,
    });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      const local = url.origin === ORIGIN || LOOPBACK.has(url.hostname) || url.protocol === "data:";
      return local ? route.continue() : route.abort("blockedbyclient");
    });
    await run();
  } catch (e) {
    results.push(false);
    console.log(`FAIL  browser: ${String(e?.message ?? e).split("\n")[0]}`);
  } finally {
    clearTimeout(timer);
    await shutdown(profile);
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

async function shutdown(profile) {
  const closing = context?.close().catch(() => {});
  await Promise.race([closing, new Promise((r) => setTimeout(r, 5_000))]);
  await rm(profile, { recursive: true, force: true }).catch(() => {});
}

await main();
