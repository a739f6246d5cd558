// What each failure `reason` from the server means, in words for people.

export interface Problem {
  title: string;
  text: string;
}

const LINK: Record<string, Problem> = {
  expired: {
    title: "This link has expired",
    text: "This link has expired. Ask a server admin for a new one with /streamers link.",
  },
  used: {
    title: "This link was already used",
    text: "This link was already used: each link connects one Twitch account, once. If you need to connect again, ask a server admin for a new one with /streamers link.",
  },
  invalid: {
    title: "This link isn't valid",
    text: "This link isn't valid. Check that you copied the whole link, or ask a server admin for a new one with /streamers link.",
  },
  not_configured: {
    title: "Linking isn't set up here",
    text: "Twitch account linking isn't set up on this StreamMaxing instance yet, so this link can't be used. Let the bot's operator know.",
  },
  state: {
    title: "Sign-in didn't match",
    text: "This sign-in attempt didn't match this browser (it may have been opened in another window). Start again from your link.",
  },
  denied: {
    title: "Twitch sign-in cancelled",
    text: "You cancelled on Twitch. Nothing was changed; you can try again.",
  },
  twitch: {
    title: "Twitch didn't finish the sign-in",
    text: "Twitch didn't complete the sign-in, so nothing was changed. Wait a moment, then start again from your link.",
  },
  network: {
    title: "StreamMaxing can't be reached",
    text: "StreamMaxing could not be reached. Check your connection, then reload this page to try your link again.",
  },
};

const LINK_FALLBACK: Problem = {
  title: "Something went wrong with this link",
  text: "Something went wrong while checking this link. Reload the page to try again, or ask a server admin for a new link with /streamers link.",
};

const NEW_EDITOR_LINK = "Run /template preview in Discord and choose “Open the web editor” for a new link.";

const EDITOR: Record<string, Problem> = {
  expired: { title: "This editor link has expired", text: `Editor links last a limited time. ${NEW_EDITOR_LINK}` },
  used: { title: "This editor link was already used", text: NEW_EDITOR_LINK },
  invalid: { title: "This editor link isn't valid", text: `Check that you copied the whole link. ${NEW_EDITOR_LINK}` },
  not_configured: {
    title: "The web editor isn't set up here",
    text: "This StreamMaxing instance can't save templates from the web yet. You can still edit them in Discord with /template edit.",
  },
  not_found: {
    title: "Nothing to edit here any more",
    text: "The server or streamer this link was for isn't set up any more. Check /setup and /streamers list in Discord.",
  },
  network: {
    title: "StreamMaxing can't be reached",
    text: "StreamMaxing could not be reached. Check your connection and reload the page.",
  },
};

const EDITOR_FALLBACK: Problem = {
  title: "The template couldn't be loaded",
  text: `Something went wrong on our side. Reload the page to try again; if it keeps happening, ${NEW_EDITOR_LINK[0]?.toLowerCase()}${NEW_EDITOR_LINK.slice(1)}`,
};

/** The problem with a link (`kind` "link") or editor (`kind` "editor") token, by reason. */
export function tokenProblem(kind: "link" | "editor", reason: string | null | undefined): Problem {
  if (kind === "link") return (reason && LINK[reason]) || LINK_FALLBACK;
  return (reason && EDITOR[reason]) || EDITOR_FALLBACK;
}
