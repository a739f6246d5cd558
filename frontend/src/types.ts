// The JSON the server speaks. Field names follow the API exactly.

/** One embed field of a template. */
export interface FieldTemplate {
  name: string;
  value: string;
  inline: boolean;
}

/** The embed ("card") part of a template. Empty strings mean "absent". */
export interface EmbedTemplate {
  enabled: boolean;
  title: string;
  url: string;
  description: string;
  /** RGB 0..=0xFFFFFF; null = Twitch purple. */
  color: number | null;
  author_name: string;
  author_url: string;
  author_icon_url: string;
  thumbnail_url: string;
  image_url: string;
  fields: FieldTemplate[];
  footer_text: string;
  footer_icon_url: string;
  timestamp: boolean;
}

export interface ButtonsTemplate {
  watch: boolean;
  watch_label: string;
  notify_me: boolean;
  notify_me_label: string;
}

/** A go-live message template, as stored and edited. */
export interface Template {
  content: string;
  embed: EmbedTemplate;
  buttons: ButtonsTemplate;
}

/** A validation problem: `location` is e.g. `embed.fields[2].value`. */
export interface TemplateError {
  location: string;
  message: string;
}

export type Sample = "typical" | "long_title" | "no_game" | "emoji";

// ---- Discord message JSON (what the render API returns)

export interface EmbedAuthor {
  name: string;
  url?: string;
  icon_url?: string;
}

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  type?: string;
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  /** ISO 8601. */
  timestamp?: string;
  author?: EmbedAuthor;
  thumbnail?: { url: string };
  image?: { url: string };
  fields?: EmbedField[];
  footer?: { text: string; icon_url?: string };
}

export interface ButtonComponent {
  type: 2;
  /** 1 primary, 2 secondary, 3 success, 4 danger, 5 link. */
  style: number;
  label?: string;
  url?: string;
  custom_id?: string;
  emoji?: { name?: string; id?: string };
  disabled?: boolean;
}

export interface ActionRow {
  type: 1;
  components: ButtonComponent[];
}

export interface RenderedMessage {
  content: string;
  embeds: Embed[];
  components: ActionRow[];
}

export interface RenderResponse {
  message: RenderedMessage;
  errors: TemplateError[];
}

export interface TemplateResponse {
  template: Template;
  guild_name: string | null;
  streamer: { login: string; display_name: string } | null;
}

export interface AppConfig {
  invite_url: string | null;
  features: { discord: boolean; twitch: boolean; web: boolean };
}

export interface LinkInfo {
  guild_name: string | null;
  /** Unix ms. */
  expires_at: number;
}
