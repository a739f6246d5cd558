// Generated from the Rust template engine (src/notify/template/): do not edit.
// A Rust test fails while this file differs from the code; regenerate with
//   UPDATE_GENERATED=1 cargo test --lib notify::template::typescript

/**
 * One embed field.
 */
export type FieldTemplate = {
  /**
   * Field name (markdown, no timestamp tags).
   */
  name: string,
  /**
   * Field value (markdown and timestamp tags).
   */
  value: string,
  /**
   * Whether the field sits beside its neighbours.
   */
  inline: boolean,
};

/**
 * The embed part of a `Template`. Empty strings mean "absent".
 * Missing JSON fields take the values of the default embed.
 */
export type EmbedTemplate = {
  /**
   * Whether the embed is sent at all.
   */
  enabled: boolean,
  /**
   * Title (markdown, no timestamp tags).
   */
  title: string,
  /**
   * Link of the title (URL field).
   */
  url: string,
  /**
   * Description (markdown and timestamp tags).
   */
  description: string,
  /**
   * RGB colour `0..=0xFFFFFF`; none (`null` in JSON) means Twitch purple.
   */
  color: number | null,
  /**
   * Author line text (plain).
   */
  author_name: string,
  /**
   * Author link (URL field).
   */
  author_url: string,
  /**
   * Author icon (image URL field).
   */
  author_icon_url: string,
  /**
   * Small image top right (image URL field).
   */
  thumbnail_url: string,
  /**
   * Large image (image URL field).
   */
  image_url: string,
  /**
   * Fields; a field that renders empty is dropped.
   */
  fields: Array<FieldTemplate>,
  /**
   * Footer text (plain).
   */
  footer_text: string,
  /**
   * Footer icon (image URL field).
   */
  footer_icon_url: string,
  /**
   * Whether the embed timestamp shows the stream start.
   */
  timestamp: boolean,
};

/**
 * The buttons of a `Template`. Missing JSON fields take the default values.
 */
export type ButtonsTemplate = {
  /**
   * Show a link button to the stream.
   */
  watch: boolean,
  /**
   * Label of the watch button (plain text, variables allowed).
   */
  watch_label: string,
  /**
   * Show a "notify me" button (custom id from `notify_custom_id`).
   */
  notify_me: boolean,
  /**
   * Label of the notify button; a 🔔 emoji is added unless it starts with one.
   */
  notify_me_label: string,
};

/**
 * A go-live message template: content, one embed and buttons.
 *
 * Missing JSON fields take the value of `Template::default`, so `{}`
 * deserialises to the default template and old stored templates keep working.
 */
export type Template = {
  /**
   * Message text (above the embed); may ping through `{mention}`.
   */
  content: string,
  /**
   * The embed.
   */
  embed: EmbedTemplate,
  /**
   * Buttons under the message.
   */
  buttons: ButtonsTemplate,
};

/**
 * A problem found by `validate`.
 */
export type TemplateError = {
  /**
   * Where: `content`, `embed.title`, `embed.fields[2].value`, `buttons.watch_label`, `message`…
   */
  location: string,
  /**
   * What is wrong and how to fix it.
   */
  message: string,
};

/** Embed colour used when the template sets none (Twitch purple). */
export const TWITCH_PURPLE = 0x9146ff;

/** Discord's limit on embed fields. */
export const MAX_FIELDS = 25;

/** The default template (`Template::default()` in Rust), a new copy on each call. */
export function defaultTemplate(): Template {
  return {
    "content": "{mention}",
    "embed": {
      "enabled": true,
      "title": "{stream_title}",
      "url": "{stream_url}",
      "description": "**{streamer_display_name}** is live on Twitch! Started {started_at_relative}.",
      "color": 9520895,
      "author_name": "{streamer_display_name}",
      "author_url": "{stream_url}",
      "author_icon_url": "{streamer_avatar_url}",
      "thumbnail_url": "{streamer_avatar_url}",
      "image_url": "{stream_thumbnail_url}",
      "fields": [
        {
          "name": "Game",
          "value": "{game_name}",
          "inline": true
        },
        {
          "name": "Viewers",
          "value": "{viewer_count}",
          "inline": true
        }
      ],
      "footer_text": "Twitch",
      "footer_icon_url": "",
      "timestamp": true
    },
    "buttons": {
      "watch": true,
      "watch_label": "Watch stream",
      "notify_me": true,
      "notify_me_label": "Notify me"
    }
  };
}

/** The name of a template variable, written between braces. */
export type VariableName = "streamer_login" | "streamer_display_name" | "streamer_avatar_url" | "stream_title" | "game_name" | "viewer_count" | "stream_thumbnail_url" | "started_at" | "started_at_relative" | "stream_url" | "mention";

/** Every template variable, with what the editor says about it. */
export const VARIABLES: readonly { name: VariableName; description: string }[] = [
  { name: "streamer_login", description: "Twitch login, e.g. pixel_panda" },
  { name: "streamer_display_name", description: "Display name, e.g. Pixel_Panda" },
  { name: "streamer_avatar_url", description: "Profile picture (for image fields)" },
  { name: "stream_title", description: "Title of the stream" },
  { name: "game_name", description: "Category or game being played" },
  { name: "viewer_count", description: "Viewers, e.g. 1,234" },
  { name: "stream_thumbnail_url", description: "Live preview picture (for image fields)" },
  { name: "started_at", description: "Start time, in each reader's time zone" },
  { name: "started_at_relative", description: "“3 minutes ago”, kept up to date" },
  { name: "stream_url", description: "Link to the stream" },
  { name: "mention", description: "The role or members to ping" },
];

/** A sample stream the preview renders with. */
export type Sample = "typical" | "long_title" | "no_game" | "emoji";

/** The sample streams, in menu order. */
export const SAMPLES: readonly { name: Sample; label: string }[] = [
  { name: "typical", label: "Typical" },
  { name: "long_title", label: "Long title" },
  { name: "no_game", label: "No game" },
  { name: "emoji", label: "Emoji" },
];
