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
use crate::{i18n::Lang, tr};

const FORM_PREFIX: &str = "template:";
pub const RETRY_PREFIX: &str = "template-retry:";
/// (custom id, style, max length)
const FIELDS: [(&str, TextInputStyle, u16); 5] = [
    ("content", TextInputStyle::Paragraph, 2000),
    ("title", TextInputStyle::Short, 256),
    ("description", TextInputStyle::Paragraph, 4000),
    ("color", TextInputStyle::Short, 7),
    ("footer", TextInputStyle::Short, 2048),
];

/// A field's label, in the member's language.
fn field_label(lang: Lang, id: &str) -> String {
    match id {
        "content" => tr!(lang, "template-field-content"),
        "title" => tr!(lang, "template-field-title"),
        "description" => tr!(lang, "template-field-description"),
        "color" => tr!(lang, "template-field-color"),
        _ => tr!(lang, "template-field-footer"),
    }
}

/// The form, prefilled with `t`, saving where `scope` says, in `lang`.
pub fn template_form(lang: Lang, scope: &Scope, t: &Template) -> InteractionResponse {
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
        .map(|((id, style, max), value)| {
            let input = Component::TextInput(TextInput {
                id: None,
                custom_id: (*id).to_owned(),
                #[expect(deprecated, reason = "the label lives on the wrapping Label component")]
                label: None,
                max_length: Some(*max),
                min_length: None,
                placeholder: Some(tr!(
                    lang,
                    "template-field-placeholder",
                    example = "{streamer_display_name}",
                    other = "{stream_title}"
                )),
                required: Some(false),
                style: *style,
                value: Some(value).filter(|v| !v.is_empty()),
            });
            Component::Label(LabelBuilder::new(field_label(lang, id), input).build())
        })
        .collect::<Vec<_>>();
    let title = match (&scope.twitch_id, scope.channel_id) {
        (None, _) => tr!(lang, "template-form-server"),
        (Some(_), None) => tr!(lang, "template-form-streamer"),
        (Some(_), Some(_)) => tr!(lang, "template-form-route"),
    };
    let custom_id = format!("{FORM_PREFIX}{}", scope.encode());
    ModalBuilder::new(custom_id, title, components).build()
}

pub async fn handle(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let Some(InteractionData::ModalSubmit(data)) = &ctx.interaction.data else {
        return Ok(reply::ephemeral(tr!(ctx.lang, "template-form-empty")));
    };
    let Some(scope) = data.custom_id.strip_prefix(FORM_PREFIX) else {
        return Ok(reply::ephemeral(tr!(ctx.lang, "template-form-outdated")));
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
                    return Ok(reply::ephemeral(tr!(ctx.lang, "template-route-gone")));
                }
            }
        }
        None => None,
    };
    let mut t = message::current_template(&config, tracked.as_ref());
    let color_error = apply(ctx.lang, &mut t, data);
    let mut errors: Vec<String> = template::validate(&t)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| format!("• **{}**: {}", e.location, e.message))
        .collect();
    errors.extend(color_error);
    if errors.is_empty() {
        save(ctx, &scope, Some(t.to_json())).await?;
        return Ok(
            preview(ctx, &t, tracked.as_ref(), &tr!(ctx.lang, "template-saved")).into_response(),
        );
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
        .label(tr!(ctx.lang, "template-fix-it"))
        .build();
    let fix = Component::ActionRow(ActionRowBuilder::new().component(button).build());
    let text = not_saved(ctx.lang, &errors);
    Ok(Reply::text(text).with_components(vec![fix]).into_response())
}

/// Discord's limit for a message's text.
const MESSAGE_CHARS: usize = 2_000;
/// Room for the list of problems in a reply, at most.
const PROBLEMS_CHARS: usize = 1_700;

/// "Not saved", the problems (as many as fit in one message) and how to
/// fix them, in `lang`.
fn not_saved(lang: Lang, problems: &[String]) -> String {
    let heading = tr!(lang, "template-not-saved");
    let hint = tr!(lang, "template-fix-it-hint");
    // The heading, the hint and the three line breaks around the list.
    let words = heading.chars().count() + hint.chars().count() + 3;
    let room = PROBLEMS_CHARS.min(MESSAGE_CHARS.saturating_sub(words));
    format!("{heading}\n{}\n\n{hint}", fit_lines(lang, problems, room))
}

/// As many of `lines` as fit in `room` characters, then how many more.
fn fit_lines(lang: Lang, lines: &[String], room: usize) -> String {
    // The "…and N more" line for the most lines there could be left.
    let more_line = |left: usize| tr!(lang, "template-more-problems", count = left);
    let reserve = more_line(lines.len()).chars().count() + 1;
    let mut shown = Vec::new();
    let mut used = 0;
    for line in lines {
        let len = line.chars().count() + 1;
        if used + len > room.saturating_sub(reserve) {
            break;
        }
        used += len;
        shown.push(line.as_str());
    }
    let mut text = shown.join("\n");
    let left = lines.len() - shown.len();
    if left > 0 {
        text.push('\n');
        text.push_str(&more_line(left));
    }
    text
}

/// Copies the form's fields into `t`; returns an error for a bad colour.
fn apply(lang: Lang, t: &mut Template, data: &ModalInteractionData) -> Option<String> {
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
                    color_error = Some(tr!(
                        lang,
                        "template-bad-color",
                        value = reply::escape(&value)
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
        return Ok(reply::ephemeral(tr!(ctx.lang, "template-draft-expired")));
    };
    let t = Template::from_json(&draft.template).unwrap_or_default();
    let scope = Scope {
        twitch_id: draft.twitch_id,
        channel_id: draft.channel_id,
    };
    Ok(template_form(ctx.lang, &scope, &t))
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
        for lang in Lang::ALL {
            let text = fit_lines(lang, &lines, PROBLEMS_CHARS);
            assert!(text.chars().count() <= PROBLEMS_CHARS, "{}", text.len());
            let left = lines.len() - (text.lines().count() - 1);
            assert!(text.contains("x0") && left > 0, "{text}");
            assert!(
                text.ends_with(&tr!(lang, "template-more-problems", count = left)),
                "{text}"
            );
            let whole = not_saved(lang, &lines);
            assert!(
                whole.chars().count() <= MESSAGE_CHARS,
                "{lang:?}: {}",
                whole.chars().count()
            );
            assert_eq!(
                fit_lines(lang, &lines[..2], PROBLEMS_CHARS),
                lines[..2].join("\n")
            );
        }
    }
}
