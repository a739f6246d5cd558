# /template edit|preview|reset: what notifications look like.

# The form (title ≤ 45 characters, each label ≤ 45, the placeholder ≤ 100).
template-form-server = Edit the notification template
template-form-streamer = Edit this streamer's template
template-form-route = Edit this route's template
template-field-content = Message text (above the card)
template-field-title = Card title
template-field-description = Card text
template-field-color = Card colour (hex, e.g. #9146FF)
template-field-footer = Footer
template-field-placeholder = Variables like { $example } and { $other } are filled in

template-form-empty = That form arrived empty; please open it again.
template-form-outdated = That form is from an older version of StreamMaxing; please run the command again.
template-route-gone = This server doesn't follow that streamer there any more.
template-saved = ✅ Saved. This is how it will look
template-not-saved = ❌ Not saved: the template has problems.
template-fix-it = Fix it
template-fix-it-hint = “Fix it” reopens the form with what you typed.
template-more-problems = • …and { $count } more
template-bad-color = • **colour**: “{ $value }” isn't a hex colour like #9146FF.
template-draft-expired = That draft has expired. Run `/{ -cmd-template } { -cmd-template-edit }` again.

template-preview = Preview
template-preview-heading = **{ $heading }** (sample stream; pings nobody here)
template-open-editor = Open the web editor
template-reset-streamer = ↩️ **{ $name }** now uses the server's template. `/{ -cmd-template } { -cmd-template-preview }` shows it.
template-reset-server = ↩️ The server is back on the default template. `/{ -cmd-template } { -cmd-template-preview }` shows it.
