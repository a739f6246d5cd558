//! `POST /interactions`: verify, parse, dispatch, answer within 3 s.

use axum::{
    Json,
    body::Bytes,
    extract::State,
    http::HeaderMap,
    response::{IntoResponse, Response},
};
use tracing::Instrument as _;
use twilight_model::{
    application::interaction::{Interaction, InteractionData, InteractionType},
    http::interaction::{InteractionResponse, InteractionResponseType},
};

use super::{
    autocomplete,
    commands::{self, template::form},
    components,
    context::Ctx,
    reply,
};
use crate::{error::ApiError, i18n::Lang, state::AppState, tr};

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    super::verify_request(&state, &headers, &body)?;
    // PING is answered from its type alone: the endpoint check in the
    // developer portal must never fail on a field the full model expects.
    #[derive(serde::Deserialize)]
    struct Kind {
        #[serde(rename = "type")]
        kind: u8,
    }
    if serde_json::from_slice::<Kind>(&body).is_ok_and(|k| k.kind == 1) {
        return Ok(Json(InteractionResponse {
            kind: InteractionResponseType::Pong,
            data: None,
        })
        .into_response());
    }
    let interaction: Interaction = serde_json::from_slice(&body)
        .map_err(|e| ApiError::BadRequest(format!("malformed interaction: {e}")))?;
    Ok(Json(respond(state, interaction).await).into_response())
}

/// Answers the interaction, counting it by kind, command and outcome with
/// the time the answer took (the metrics' one hook for every interaction).
async fn respond(state: AppState, interaction: Interaction) -> InteractionResponse {
    let started = std::time::Instant::now();
    let metrics = state.metrics.clone();
    let kind = match interaction.kind {
        InteractionType::ApplicationCommand => "command",
        InteractionType::ApplicationCommandAutocomplete => "autocomplete",
        InteractionType::MessageComponent => "component",
        InteractionType::ModalSubmit => "form",
        _ => "other",
    };
    let command = match &interaction.data {
        Some(InteractionData::ApplicationCommand(data)) => data.name.clone(),
        _ => String::new(),
    };
    let mut outcome = "ok";
    let response = answer(state, interaction, &mut outcome).await;
    metrics.interaction(kind, &command, outcome, started.elapsed());
    response
}

/// The answer; `outcome` becomes `error` or `outside_server` when so.
async fn answer(
    state: AppState,
    interaction: Interaction,
    outcome: &mut &'static str,
) -> InteractionResponse {
    let kind = interaction.kind;
    let lang = Lang::of(interaction.locale.as_deref());
    let Some(ctx) = Ctx::new(state, interaction) else {
        *outcome = "outside_server";
        return reply::ephemeral(tr!(lang, "common-server-only"));
    };
    let span = tracing::info_span!("interaction", guild.id = %ctx.guild_id, user.id = %ctx.user_id, kind = ?kind);
    // Instrumented, never entered: a span entered across an await stays
    // current on the worker thread while this task sleeps, and whatever
    // runs there meanwhile would log (and nest spans) under it.
    async {
        let result = match kind {
            InteractionType::ApplicationCommand => commands::run(&ctx).await,
            InteractionType::ApplicationCommandAutocomplete => autocomplete::suggest(&ctx).await,
            InteractionType::MessageComponent => components::handle(&ctx).await,
            InteractionType::ModalSubmit => form::handle(&ctx).await,
            _ => Ok(reply::ephemeral(tr!(
                ctx.lang,
                "common-unknown-interaction"
            ))),
        };
        result.unwrap_or_else(|e| {
            *outcome = "error";
            tracing::error!(error = format!("{e:#}"), "interaction failed");
            reply::ephemeral(tr!(ctx.lang, "common-failed-nothing-changed"))
        })
    }
    .instrument(span)
    .await
}
