import { ApiError, getLinkInfo, twitchStartUrl } from "../api";
import { Layout, useDocumentTitle } from "../components/Layout";
import { StatusPage } from "../components/StatusPage";
import { useAsync } from "../components/useAsync";
import { tokenProblem } from "../messages";

const BENEFITS = [
  "Your streams will be announced in that server.",
  "You'll show as verified.",
  "Your alerts stop counting against Twitch's subscription limit.",
];

function expiry(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** `/link?token=`: what linking does, then off to Twitch. */
export function LinkPage({ token }: { token: string | null }) {
  const info = useAsync(
    (signal) => (token ? getLinkInfo(token, signal) : Promise.reject(new ApiError(400, "no token", "invalid"))),
    [token],
  );
  useDocumentTitle(info.status === "error" ? null : "Connect your Twitch account");

  if (info.status === "error") {
    const problem = tokenProblem("link", info.error.reason ?? (info.error.status === 0 ? "network" : null));
    return (
      <StatusPage tone="error" title={problem.title}>
        <p>{problem.text}</p>
      </StatusPage>
    );
  }
  if (info.status === "loading") {
    return (
      <Layout>
        <p className="loading" role="status">
          Checking your link…
        </p>
      </Layout>
    );
  }
  const server = info.data.guild_name;
  return (
    <Layout>
      <section className="link-card" aria-labelledby="link-title">
        <p className="eyebrow">Twitch account link</p>
        <h1 id="link-title">Connect your Twitch account</h1>
        <p className="lead">
          A server admin of {server ? <strong>{server}</strong> : "your Discord server"} invited you to link your Twitch
          account with StreamMaxing.
        </p>
        <h2 className="list-title">What linking does</h2>
        <ul className="benefits">
          {BENEFITS.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        <p className="hint">
          StreamMaxing only learns who you are on Twitch: it can't see your email, chat, or act for you.
        </p>
        <div className="actions">
          <a className="btn btn-primary btn-large" href={twitchStartUrl(token ?? "")}>
            Connect with Twitch
          </a>
        </div>
        <p className="hint">This link works until {expiry(info.data.expires_at)}, once.</p>
      </section>
    </Layout>
  );
}
