import { Layout, useDocumentTitle } from "../components/Layout";
import { OperatorContact } from "./Contact";

/** What StreamMaxing keeps about a Discord server (public Twitch data included). */
const SERVER_DATA: string[] = [
  "the server's id and name, and the ids of the channels and roles chosen for alerts;",
  "its settings and alert templates, the streamers and Twitch Teams it follows and the routes (which streamer is posted in which channel, with which ping and filters);",
  "the ids of the admins who added each streamer or team;",
  "the 🔔 notification roles the bot made, and members' /notify choices: server id, member id and streamer;",
  "template form drafts an admin typed that still had a mistake, so that “Fix it” can reopen them;",
  "for each alert posted: the channel and Discord message id, so the message can be edited when the stream ends, and the delivery history (when it was sent, the last error);",
  "when “post as the streamer” is on: the id and token of the webhook the bot made in the alert channel.",
];

/** Public Twitch data and the bot's own bookkeeping. */
const OTHER_DATA: string[] = [
  "followed streamers' public Twitch profile: id, login, display name, avatar address, whether they are live, and their stream's title and game; and whether a streamer linked their Twitch account to StreamMaxing;",
  "the ids of StreamMaxing's Twitch EventSub subscriptions and of the EventSub messages received (so a repeated message is not announced twice);",
  "the one-time codes of signed links (/streamers link, the template editor), so a link works only once;",
  "Discord rate-limit bookkeeping, keyed by a hash of the bot's token (nothing about people).",
];

const NOT_STORED: string[] = [
  "the content of members' messages: the bot reads none (it has no access to message content);",
  "Twitch sign-in tokens: when a streamer links their account, the token Twitch hands over is used once to learn who they are and dropped at once; no Twitch permission is asked;",
  "passwords: there are no accounts and nothing to log in to;",
  "IP addresses: only in memory, to limit how often one address may preview templates (at most 10,000 addresses remembered, forgotten on restart); never written to the database.",
];

const RETENTION: string[] = [
  "Alert history (message ids, delivery records): 30 days after the alert was queued, then deleted; longer only while its message still has to be updated (the stream is live, or its end-of-stream edit is pending).",
  "Template form drafts and EventSub message ids: 24 hours.",
  "One-time link codes: until the link expires.",
  "A server's data: while the bot is in the server. Discord does not tell the bot when it is removed: it notices the next time it tries to post an alert there, and forgets the server a day later (the day lets a mistaken kick be undone). A server that never has another alert is not noticed; ask the operator to erase it.",
  "Members' /notify choices: while the server follows that streamer; deleted when the server stops following them, when the member runs /notify forget, or when the server removes the bot.",
  "Streamers' public Twitch profiles and whether they linked their account: while a server follows them; deleted a day after the last server stopped following them (once StreamMaxing's Twitch subscriptions for them are gone).",
];

export function Privacy() {
  useDocumentTitle("Privacy Policy");
  return (
    <Layout>
      <article className="legal" aria-labelledby="privacy-title">
        <h1 id="privacy-title">Privacy Policy</h1>
        <p className="lead">
          StreamMaxing posts Twitch go-live alerts in Discord servers. It keeps only what it needs to do that: ids,
          choices, templates and message ids.
        </p>

        <h2>What is stored about a server</h2>
        <ul>
          {SERVER_DATA.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2>What else is stored</h2>
        <ul>
          {OTHER_DATA.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2>What is not stored</h2>
        <ul>
          {NOT_STORED.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          The service's logs record, for each command, the server id, the member's id and which command it was, and
          errors talking to Discord and Twitch; how long logs are kept is set by the operator's hosting.
        </p>

        <h2>How long it is kept</h2>
        <ul>
          {RETENTION.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2>Erasing it</h2>
        <ul>
          <li>
            A member: <code>/notify forget</code> in the server erases your /notify choices and drafts there, takes back
            the 🔔 roles the bot gave you, and clears your id from the streamers and teams you added.
          </li>
          <li>
            A server: removing the bot erases everything about the server a day after the bot notices (at its next
            alert there).
          </li>
          <li>
            Anyone: ask the operator, who can erase a whole server at once (<code>streammaxing forget --guild</code>)
            or answer any other request.
          </li>
        </ul>

        <h2>Who sees it</h2>
        <p>
          The data is used only to post and update alerts. It is sent to Discord and Twitch as needed to do that, and
          to no one else. It is not sold or shared.
        </p>

        <h2>Contact</h2>
        <OperatorContact />
      </article>
    </Layout>
  );
}
