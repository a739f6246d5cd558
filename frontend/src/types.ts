// The JSON the server speaks. Field names follow the API exactly.

// The template, its errors and the sample names are generated from the Rust
// engine (src/notify/template/), never written here.
import type { Template, TemplateError } from "./generated/template";

export type {
  ButtonsTemplate,
  EmbedTemplate,
  FieldTemplate,
  Sample,
  Template,
  TemplateError,
} from "./generated/template";

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
  /** How to reach whoever runs this instance (OPERATOR_CONTACT); null when not published. */
  operator_contact?: string | null;
}

export interface LinkInfo {
  guild_name: string | null;
  /** Unix ms. */
  expires_at: number;
}
