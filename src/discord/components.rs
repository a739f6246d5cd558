//! Buttons: "🔔 Notify me" under every notification toggles the clicker's
//! pings for that streamer.

use twilight_model::{
    application::interaction::InteractionData, http::interaction::InteractionResponse,
};

use super::{
    commands::{streamers, template::form},
    context::Ctx,
    pings, reply,
};
use crate::ids::TwitchUserId;
use crate::notify::template;
use crate::tr;

pub async fn handle(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let Some(InteractionData::MessageComponent(data)) = &ctx.interaction.data else {
        return Ok(reply::ephemeral(tr!(
            ctx.lang,
            "common-button-without-data"
        )));
    };
    if let Some(twitch_id) = template::parse_notify_custom_id(&data.custom_id) {
        return notify_toggle(ctx, &TwitchUserId::from(twitch_id)).await;
    }
    if let Some(page) = data.custom_id.strip_prefix(streamers::LIST_PAGE_PREFIX) {
        return streamers::list_page_button(ctx, page).await;
    }
    if let Some(draft) = data.custom_id.strip_prefix(form::RETRY_PREFIX) {
        return form::reopen(ctx, draft).await;
    }
    Ok(reply::ephemeral(tr!(ctx.lang, "common-button-outdated")))
}

async fn notify_toggle(ctx: &Ctx, twitch_id: &TwitchUserId) -> anyhow::Result<InteractionResponse> {
    let routes = ctx
        .state
        .db
        .streamer_routes(ctx.guild_id, twitch_id)
        .await?;
    if routes.is_empty() {
        return Ok(reply::ephemeral(tr!(ctx.lang, "notify-streamer-gone")));
    }
    let choices = pings::member_choices(ctx).await?;
    let on = !choices.is_on(&pings::member_roles(ctx), &routes);
    pings::choose(ctx, routes, on).await
}
