import { getConfig } from "../api";
import { Layout, useDocumentTitle } from "../components/Layout";
import { useAsync } from "../components/useAsync";
import { DiscordPreview } from "../preview/DiscordPreview";
import type { RenderedMessage } from "../types";

const FEATURES: [string, string][] = [
  ["Live in seconds", "Twitch tells StreamMaxing the moment a stream starts, and the alert is posted within seconds."],
  ["Never duplicated", "Each stream is announced exactly once in every server that follows it, even when Twitch repeats itself."],
  ["Set up in Discord", "Slash commands do everything: no dashboard to log in to, no passwords to share."],
  ["Pings people want", "Members choose whom they hear about with /notify or the 🔔 button under each alert."],
];

const STEPS: [string, string][] = [
  ["Add the bot", "Invite StreamMaxing to your server with the button above."],
  ["/setup channel:#live", "Choose the channel for alerts, and optionally a role to ping."],
  ["/streamers add login:<name>", "Follow a Twitch streamer. Add as many as your community watches."],
];

const started = Math.floor(Date.now() / 1000) - 180;
const EXAMPLE: RenderedMessage = {
  content: "<@&1>",
  embeds: [
    {
      title: "Ranked grind to Diamond! Come hang out",
      url: "https://www.twitch.tv/",
      description: `**Pixel_Panda** is live on Twitch! Started <t:${started}:R>.`,
      color: 0x9146ff,
      author: { name: "Pixel_Panda" },
      fields: [
        { name: "Game", value: "VALORANT", inline: true },
        { name: "Viewers", value: "1,234", inline: true },
      ],
      footer: { text: "Twitch" },
      timestamp: new Date(started * 1000).toISOString(),
    },
  ],
  components: [
    {
      type: 1,
      components: [
        { type: 2, style: 5, label: "Watch stream", url: "https://www.twitch.tv/" },
        { type: 2, style: 2, label: "Notify me", custom_id: "notify:1", emoji: { name: "🔔" } },
      ],
    },
  ],
};

function AddToDiscord() {
  const config = useAsync((signal) => getConfig(signal), []);
  if (config.status === "loading") {
    return <span className="btn btn-primary btn-large btn-placeholder" aria-hidden="true">Add to Discord</span>;
  }
  if (config.status === "error") {
    return <p className="notice">The install link couldn't be loaded right now. Reload the page to try again.</p>;
  }
  if (!config.data.invite_url) {
    return <p className="notice">This StreamMaxing instance isn't connected to Discord yet.</p>;
  }
  return (
    <a className="btn btn-primary btn-large" href={config.data.invite_url}>
      Add to Discord
    </a>
  );
}

export function Landing() {
  useDocumentTitle(null);
  return (
    <Layout>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-text">
          <p className="eyebrow">Twitch go-live alerts for Discord</p>
          <h1 id="hero-title">Your server knows the moment you go live.</h1>
          <p className="lead">
            StreamMaxing posts a message in your Discord server within seconds of a Twitch stream starting: once, never
            twice, pinging only the people who asked for it.
          </p>
          <div className="actions">
            <AddToDiscord />
            <a className="btn btn-secondary btn-large" href="/editor">
              Design an alert
            </a>
          </div>
        </div>
        <div className="hero-preview discord-frame" aria-label="Example alert">
          <DiscordPreview message={EXAMPLE} />
        </div>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title" className="section-title">Why StreamMaxing</h2>
        <ul className="feature-grid">
          {FEATURES.map(([title, text]) => (
            <li key={title} className="feature">
              <h3>{title}</h3>
              <p>{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="section-title">Set up in three steps</h2>
        <ol className="steps">
          {STEPS.map(([command, text], i) => (
            <li key={command} className="step">
              <span className="step-number" aria-hidden="true">{i + 1}</span>
              <div>
                <h3>{i === 0 ? command : <code>{command}</code>}</h3>
                <p>{text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
