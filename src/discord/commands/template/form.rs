//! The `/template edit` form: five fields prefilled with the current
//! template; on submit it is validated and either saved (with a preview) or
//! refused with every error named, keeping what was typed for "Fix it".

use twilight_model::{
    application::interaction::{
        InteractionData,
        modal::{ModalInteractionComponent, ModalInteractionData},
    },
    channel::message::component::{ButtonStyle, Component, TextInput, TextInputStyle},
    http::interaction::InteractionResponse,
};
use twilight_util::builder::{
    interaction_response::ModalBuilder,
    message::{ActionRowBuilder, ButtonBuilder, LabelBuilder},
};

use super::preview::{Scope, preview, save};
use crate::discord::{
    context::Ctx,
    reply::{self, Reply},
};
use crate::notify::{
    message,
    template::{self, Template},
};

const FORM_PREFIX: &str = "template:";
pub const RETRY_PREFIX: &str = "template-retry:";
/// (custom id, label, style, max length)
const FIELDS: [(&str, &str, TextInputStyle, u16); 5] = [
    (
        "content",
        "Message text (above the card)",
        TextInputStyle::Paragraph,
        2000,
    ),
    ("title", "Card title", TextInputStyle::Short, 256),
    ("description", "Card text", TextInputStyle::Paragraph, 4000),
    (
        "color",
        "Card colour (hex, e.g. #9146FF)",
        TextInputStyle::Short,
        7,
    ),
    ("footer", "Footer", TextInputStyle::Short, 2048),
];

/// The form, prefilled with `t`, saving where `scope` says.
pub fn template_form(scope: &Scope, t: &Template) -> InteractionResponse {
    let values = [
        t.content.clone(),
        t.embed.title.clone(),
        t.embed.description.clone(),
        t.embed
            .color
            .map(|c| format!("#{c:06X}"))
            .unwrap_or_default(),
        t.embed.footer_text.clone(),
    ];
    let components = FIELDS
        .iter()
        .zip(values)
        .map(|((id, label, style, max), value)| {
            let input = Component::TextInput(TextInput {
                id: None,
                custom_id: (*id).to_owned(),
                #[expect(deprecated, reason = "the label lives on the wrapping Label component")]
                label: None,
                max_length: Some(*max),
                min_length: None,
                placeholder: Some(
                    "Variables like {streamer_display_name} and {stream_title} are filled in"
                        .to_owned(),
                ),
                required: Some(false),
                style: *style,
                value: Some(value).filter(|v| !v.is_empty()),
            });
            Component::Label(LabelBuilder::new(*label, input).build())
        })
        .collect::<Vec<_>>();
    let title = match (&scope.twitch_id, scope.channel_id) {
        (None, _) => "Edit the notification template",
        (Some(_), None) => "Edit this streamer's template",
        (Some(_), Some(_)) => "Edit this route's template",
    };
    let custom_id = format!("{FORM_PREFIX}{}", scope.encode());
    ModalBuilder::new(custom_id, title, components).build()
}

pub async fn handle(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let Some(InteractionData::ModalSubmit(data)) = &ctx.interaction.data else {
        return Ok(reply::ephemeral(
            "That form arrived empty; please open it again.",
        ));
    };
    let Some(scope) = data.custom_id.strip_prefix(FORM_PREFIX) else {
        return Ok(reply::ephemeral(
            "That form is from an older version of StreamMaxing; please run the command again.",
        ));
    };
    let scope = Scope::decode(scope);
    let config = ctx.guild_config().await?;
    let tracked = match &scope.twitch_id {
        Some(id) => {
            let routes = ctx.state.db.streamer_routes(ctx.guild_id, id).await?;
            let found = routes.into_iter().find(|t| {
                scope.channel_id.is_none() || message::channel_for(&config, t) == scope.channel_id
            });
            match found {
                Some(t) => Some(t),
                None => {
                    return Ok(reply::ephemeral(
                        "This server doesn't follow that streamer there any more.",
                    ));
                }
            }
        }
        None => None,
    };
    let mut t = message::current_template(&config, tracked.as_ref());
    let color_error = apply(&mut t, data);
    let mut errors: Vec<String> = template::validate(&t)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| format!("• **{}**: {}", e.location, e.message))
        .collect();
    errors.extend(color_error);
    if errors.is_empty() {
        save(ctx, &scope, Some(t.to_json())).await?;
        return Ok(preview(
            ctx,
            &t,
            tracked.as_ref(),
            "✅ Saved. This is how it will look",
        )
        .into_response());
    }
    let draft = ctx
        .state
        .db
        .save_template_draft(
            ctx.guild_id,
            ctx.user_id,
            scope.twitch_id.as_ref(),
            scope.channel_id,
            &t.to_json(),
            ctx.now(),
        )
        .await?;
    let button = ButtonBuilder::new(ButtonStyle::Primary)
        .custom_id(format!("{RETRY_PREFIX}{draft}"))
        .label("Fix it")
        .build();
    let fix = Component::ActionRow(ActionRowBuilder::new().component(button).build());
    let text = format!(
        "❌ Not saved: the template has problems.\n{}\n\n“Fix it” reopens the form with what you typed.",
        fit_lines(&errors, PROBLEMS_CHARS)
    );
    Ok(Reply::text(text).with_components(vec![fix]).into_response())
}

/// Room for the list of problems in a reply (Discord's limit is 2,000).
const PROBLEMS_CHARS: usize = 1_700;

/// As many of `lines` as fit in `room` characters, then how many more.
fn fit_lines(lines: &[String], room: usize) -> String {
    let mut shown = Vec::new();
    let mut used = 0;
    for line in lines {
        let len = line.chars().count() + 1;
        if used + len > room.saturating_sub(40) {
            break;
        }
        used += len;
        shown.push(line.as_str());
    }
    let mut text = shown.join("\n");
    let left = lines.len() - shown.len();
    if left > 0 {
        text.push_str(&format!("\n• …and {left} more"));
    }
    text
}

/// Copies the form's fields into `t`; returns an error for a bad colour.
fn apply(t: &mut Template, data: &ModalInteractionData) -> Option<String> {
    let mut color_error = None;
    for (id, value) in inputs(&data.components) {
        let value = value.trim().to_owned();
        match id.as_str() {
            "content" => t.content = value,
            "title" => t.embed.title = value,
            "description" => t.embed.description = value,
            "footer" => t.embed.footer_text = value,
            "color" if value.is_empty() => t.embed.color = None,
            "color" => match u32::from_str_radix(value.trim_start_matches('#'), 16) {
                Ok(c) if c <= 0xFF_FFFF => t.embed.color = Some(c),
                _ => {
                    color_error = Some(format!(
                        "• **colour**: “{}” isn't a hex colour like #9146FF.",
                        reply::escape(&value)
                    ))
                }
            },
            _ => {}
        }
    }
    color_error
}

/// (custom id, value) of every text input, whether wrapped in labels or rows.
fn inputs(components: &[ModalInteractionComponent]) -> Vec<(String, String)> {
    components
        .iter()
        .flat_map(|c| match c {
            ModalInteractionComponent::Label(label) => {
                inputs(std::slice::from_ref(&label.component))
            }
            ModalInteractionComponent::ActionRow(row) => inputs(&row.components),
            ModalInteractionComponent::TextInput(input) => {
                vec![(input.custom_id.clone(), input.value.clone())]
            }
            _ => vec![],
        })
        .collect()
}

/// "Fix it": the form again, with what the member typed.
pub async fn reopen(ctx: &Ctx, draft_id: &str) -> anyhow::Result<InteractionResponse> {
    let draft = match draft_id.parse() {
        Ok(id) => {
            ctx.state
                .db
                .template_draft(id, ctx.guild_id, ctx.user_id)
                .await?
        }
        Err(_) => None,
    };
    let Some(draft) = draft else {
        return Ok(reply::ephemeral(
            "That draft has expired. Run `/template edit` again.",
        ));
    };
    let t = Template::from_json(&draft.template).unwrap_or_default();
    let scope = Scope {
        twitch_id: draft.twitch_id,
        channel_id: draft.channel_id,
    };
    Ok(template_form(&scope, &t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_problems_fits_a_discord_message() {
        let lines: Vec<String> = (0..60)
            .map(|n| {
                format!(
                    "• **content**: unknown placeholder {{x{n}}} {}",
                    "y".repeat(40)
                )
            })
            .collect();
        let text = fit_lines(&lines, PROBLEMS_CHARS);
        assert!(text.chars().count() <= PROBLEMS_CHARS, "{}", text.len());
        assert!(text.ends_with("more") && text.contains("x0"), "{text}");
        assert_eq!(
            fit_lines(&lines[..2], PROBLEMS_CHARS),
            lines[..2].join("\n")
        );
    }
}
