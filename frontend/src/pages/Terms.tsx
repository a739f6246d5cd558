import { Layout, useDocumentTitle } from "../components/Layout";
import { OperatorContact } from "./Contact";

export function Terms() {
  useDocumentTitle("Terms of Service");
  return (
    <Layout>
      <article className="legal" aria-labelledby="terms-title">
        <h1 id="terms-title">Terms of Service</h1>
        <p className="lead">
          By adding StreamMaxing to a Discord server or using its commands, you agree to these terms.
        </p>

        <h2>The service</h2>
        <p>
          StreamMaxing is provided as is by its operator, without any warranty: alerts may be late,
          missed or repeated, and the service may be unavailable. The operator may change the service, or stop it,
          at any time.
        </p>

        <h2>Your use</h2>
        <p>
          Use StreamMaxing within{" "}
          <a href="https://discord.com/terms">Discord's Terms of Service</a> and{" "}
          <a href="https://www.twitch.tv/p/legal/terms-of-service/">Twitch's Terms of Service</a>. Don't use it to
          spam, harass or mislead anyone, or to get around either platform's limits.
        </p>

        <h2>What server admins are responsible for</h2>
        <p>
          Admins choose which streamers are announced, in which channels, with which messages, and whom each alert
          pings (a role, or the members who opted in). They are responsible for that content and for pinging
          only people who want to hear about it.
        </p>

        <h2>Privacy</h2>
        <p>
          What is stored, for how long, and how to erase it: see the <a href="/privacy">Privacy Policy</a>.
        </p>

        <h2>Contact</h2>
        <OperatorContact />
      </article>
    </Layout>
  );
}
