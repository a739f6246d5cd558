//! What every interaction handler gets: the state, the interaction, and who
//! is asking where.

use std::{future::Future, sync::Arc};

use twilight_model::{
    application::interaction::{Interaction, InteractionData, application_command::CommandData},
    guild::Permissions,
    http::interaction::InteractionResponse,
};

use super::{
    api::Api,
    reply::{self, Reply},
};
use crate::i18n::Lang;
use crate::ids::{GuildId, UserId};
use crate::state::AppState;
use crate::tr;

/// Cheap to clone, so deferred work can own one.
#[derive(Clone)]
pub struct Ctx(Arc<Inner>);

pub struct Inner {
    pub state: AppState,
    pub interaction: Interaction,
    pub guild_id: GuildId,
    pub user_id: UserId,
    /// The member's permissions in the channel of the interaction.
    pub permissions: Permissions,
    /// The member's language (their Discord locale): what ephemeral
    /// replies speak.
    pub lang: Lang,
    /// An admin command: its deferred reply carries the attention warning.
    warn_admins: std::sync::atomic::AtomicBool,
}

impl std::ops::Deref for Ctx {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Ctx {
    /// `None` outside a guild (a DM): every command is guild-only.
    pub fn new(state: AppState, interaction: Interaction) -> Option<Self> {
        let guild_id = GuildId::from(interaction.guild_id?);
        let member = interaction.member.as_ref()?;
        let user_id = UserId::from(member.user.as_ref().or(interaction.user.as_ref())?.id);
        let permissions = member.permissions.unwrap_or_else(Permissions::empty);
        let lang = Lang::of(interaction.locale.as_deref());
        Some(Self(Arc::new(Inner {
            state,
            interaction,
            guild_id,
            user_id,
            permissions,
            lang,
            warn_admins: std::sync::atomic::AtomicBool::new(false),
        })))
    }

    pub fn now(&self) -> i64 {
        self.state.now_ms()
    }

    /// This server's configuration (a default one on first use). Notes the
    /// server's preferred locale when Discord sends a new one: alerts
    /// speak it unless an admin chose another language.
    pub async fn guild_config(&self) -> anyhow::Result<crate::store::GuildConfig> {
        let mut config = self
            .state
            .db
            .ensure_guild(self.guild_id, None, self.now())
            .await?;
        if let Some(locale) = self.interaction.guild_locale.as_deref()
            && config.locale.as_deref() != Some(locale)
        {
            self.state
                .db
                .note_guild_locale(self.guild_id, locale)
                .await?;
            config.locale = Some(locale.to_owned());
        }
        Ok(config)
    }

    /// The Discord client (every command needs it configured).
    pub fn discord(&self) -> anyhow::Result<&Api> {
        self.state
            .discord
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("Discord is not configured"))
    }

    /// Marks this as an admin command: a deferred reply gets the warning
    /// about routes that need attention, as things stand when it is sent.
    pub fn warn_admins(&self) {
        self.warn_admins
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// The warning admins see while any route of the server needs
    /// attention (`None` when all is well).
    pub async fn attention_warning(&self) -> anyhow::Result<Option<String>> {
        let broken = self
            .state
            .db
            .routes_needing_attention(self.guild_id)
            .await?;
        Ok((broken > 0).then(|| tr!(self.lang, "routes-need-attention", count = broken)))
    }

    /// Replaces the deferred "thinking…" with `reply`.
    pub async fn edit_original(&self, reply: &Reply) -> anyhow::Result<()> {
        let none = twilight_model::channel::message::AllowedMentions::default();
        let mut warned;
        let mut reply = reply;
        if self.warn_admins.load(std::sync::atomic::Ordering::Relaxed)
            && let Ok(Some(warning)) = self.attention_warning().await
        {
            warned = reply.clone();
            warned.content = if warned.content.is_empty() {
                warning
            } else {
                format!("{warning}\n{}", warned.content)
            };
            reply = &warned;
        }
        self.discord()?
            .edit_original_response(
                self.interaction.application_id,
                &self.interaction.token,
                &reply.body(&none),
            )
            .await
            .map_err(|e| anyhow::anyhow!(e).context("editing the original interaction response"))
    }

    pub fn command_data(&self) -> Option<&CommandData> {
        match &self.interaction.data {
            Some(InteractionData::ApplicationCommand(data)) => Some(data),
            _ => None,
        }
    }

    /// Manage Server or Administrator: who may change the bot's settings.
    pub fn is_admin(&self) -> bool {
        self.permissions
            .intersects(Permissions::MANAGE_GUILD | Permissions::ADMINISTRATOR)
    }

    /// The polite refusal for members who may not change settings, if this
    /// member is one of them. Checked server-side whatever Discord's command
    /// permissions say (admins can override those per server).
    pub fn refuse_unless_admin(&self) -> Option<InteractionResponse> {
        (!self.is_admin()).then(|| reply::ephemeral(tr!(self.lang, "admins-only")))
    }

    /// Answers "thinking…" now and finishes with `work`'s reply by editing the
    /// original response once it is done (a failure becomes a friendly error).
    pub fn defer<F, Fut>(&self, work: F) -> InteractionResponse
    where
        F: FnOnce(Ctx) -> Fut + Send + 'static,
        Fut: Future<Output = anyhow::Result<Reply>> + Send + 'static,
    {
        let ctx = self.clone();
        self.state.after_response(async move {
            let reply = work(ctx.clone()).await.unwrap_or_else(|e| {
                tracing::error!(error = format!("{e:#}"), "deferred interaction failed");
                Reply::text(tr!(ctx.lang, "failed-try-again"))
            });
            if let Err(e) = ctx.edit_original(&reply).await {
                tracing::error!(
                    error = format!("{e:#}"),
                    "could not deliver a deferred reply"
                );
            }
        });
        reply::deferred()
    }
}
