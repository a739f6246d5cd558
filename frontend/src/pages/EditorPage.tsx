import { getDefaultTemplate, getTemplate } from "../api";
import { Layout, useDocumentTitle } from "../components/Layout";
import { StatusPage } from "../components/StatusPage";
import { useAsync } from "../components/useAsync";
import { Editor } from "../editor/Editor";
import { normalizeTemplate } from "../editor/template";
import { tokenProblem } from "../messages";
import type { TemplateResponse } from "../types";

function load(token: string | null, signal: AbortSignal): Promise<TemplateResponse> {
  if (token) return getTemplate(token, signal);
  return getDefaultTemplate(signal, navigator.language).then((r) => ({ template: r.template, guild_name: null, streamer: null }));
}

/** `/editor[?token=]`: the template editor, or without a token a playground. */
export function EditorPage({ token }: { token: string | null }) {
  const state = useAsync((signal) => load(token, signal), [token]);
  useDocumentTitle(token ? "Template editor" : "Template playground");

  if (state.status === "loading") {
    return (
      <Layout wide>
        <p className="loading" role="status">
          Loading the template…
        </p>
      </Layout>
    );
  }
  if (state.status === "error") {
    const { reason, status } = state.error;
    const problem = tokenProblem("editor", reason ?? (status === 404 ? "not_found" : status === 0 ? "network" : null));
    return (
      <StatusPage tone="error" title={problem.title} actions={<a className="btn btn-secondary" href="/editor">Open the playground instead</a>}>
        <p>{problem.text}</p>
      </StatusPage>
    );
  }
  const { template, guild_name: guild, streamer } = state.data;
  const heading = !token ? "Template playground" : streamer ? `Alert for ${streamer.display_name}` : "Alert template";
  const intro = token ? (
    <p className="lead">
      For {guild ? <strong>{guild}</strong> : "your Discord server"}
      {streamer ? `: only ${streamer.display_name}'s alerts use this template.` : ": every streamer without their own template uses it."}{" "}
      Saved changes apply to the next alert.
    </p>
  ) : (
    <p className="lead">
      Try out a go-live message here; nothing is saved. To change your server's alerts, run <code>/template preview</code>{" "}
      in Discord and choose “Open the web editor”: that link opens this editor with a Save button.
    </p>
  );
  return (
    <Layout wide>
      <Editor initial={normalizeTemplate(template)} token={token} heading={heading} intro={intro} />
    </Layout>
  );
}
