import { StatusPage } from "../components/StatusPage";
import { tokenProblem } from "../messages";

/** `/link/done?streamer=&name=`: where Twitch's sign-in ends when all went well. */
export function LinkDone({ login, name }: { login: string | null; name: string | null }) {
  const who = name?.trim() || login?.trim() || "Your Twitch account";
  return (
    <StatusPage tone="success" title="You're linked">
      <p className="status-lead">{who} is linked! Their go-live alerts are on in your server.</p>
      <p>Next time {who} goes live on Twitch, StreamMaxing announces it within seconds. You can close this tab.</p>
    </StatusPage>
  );
}

/** `/link/error?reason=`: where the sign-in ends when it did not work. */
export function LinkError({ reason }: { reason: string | null }) {
  const problem = tokenProblem("link", reason);
  return (
    <StatusPage tone="error" title={problem.title}>
      <p>{problem.text}</p>
    </StatusPage>
  );
}

export function NotFound() {
  return (
    <StatusPage tone="error" title="Page not found" actions={<a className="btn btn-secondary" href="/">Go to the home page</a>}>
      <p>There's nothing at this address. If you followed a link from Discord, check that it was copied whole.</p>
    </StatusPage>
  );
}
