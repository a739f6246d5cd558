//! Every word the bot says, in the member's or the server's language.
//!
//! The texts live in one Fluent catalog per language under `locales/`
//! (`locales/<tag>/*.ftl`, all files of a language form one bundle, so a
//! term such as `-cmd-notify` defined in one file serves every other). Code
//! names a message by its key and passes its variables: [`tr!`]. A key
//! missing in one language falls back to English at run time, and
//! `tests/it/i18n.rs` fails the build before it gets there.
//!
//! Which language: an ephemeral reply speaks the member's Discord locale
//! (the interaction's `locale`); an alert, and the default template's fixed
//! words, speak the server's (`/setup language:`, else the server's
//! preferred locale that Discord sends with every interaction).

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, static_loader};
use twilight_interactions::command::{DescLocalizations, NameLocalizations};
use unic_langid::langid;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Discord renders the Unicode isolation marks Fluent puts around
        // variables as visible boxes in some clients: leave them out.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    PtBr,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::PtBr, Lang::Ja];

    /// The catalog's folder under `locales/` (a BCP 47 tag).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es-ES",
            Lang::PtBr => "pt-BR",
            Lang::Ja => "ja",
        }
    }

    /// The language's own name, for `/setup language:`.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::PtBr => "Português do Brasil",
            Lang::Ja => "日本語",
        }
    }

    /// The Discord locales this language serves (Discord's own codes).
    pub fn discord_locales(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en-US", "en-GB"],
            Lang::De => &["de"],
            Lang::Fr => &["fr"],
            Lang::Es => &["es-ES", "es-419"],
            Lang::PtBr => &["pt-BR"],
            Lang::Ja => &["ja"],
        }
    }

    /// The language for a Discord locale (or a stored tag): an exact match,
    /// else by the language part (`es-419` → Spanish, `pt` → Brazilian
    /// Portuguese); `None` for a language the bot does not speak.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let exact = Lang::ALL
            .into_iter()
            .find(|l| l.tag() == locale || l.discord_locales().contains(&locale));
        exact.or_else(|| {
            let primary = locale.split(['-', '_']).next()?.to_ascii_lowercase();
            Lang::ALL
                .into_iter()
                .find(|l| l.tag().split('-').next() == Some(primary.as_str()))
        })
    }

    /// [`Lang::from_locale`], English when unknown or absent.
    pub fn of(locale: Option<&str>) -> Lang {
        locale.and_then(Lang::from_locale).unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en-US"),
            Lang::De => langid!("de"),
            Lang::Fr => langid!("fr"),
            Lang::Es => langid!("es-ES"),
            Lang::PtBr => langid!("pt-BR"),
            Lang::Ja => langid!("ja"),
        }
    }

    /// The message `key` in this language.
    pub fn text(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` with its variables.
    pub fn text_with(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &args)
    }

    /// The message `key` in this language only (no fallback): for tests.
    pub fn exactly(self, key: &str) -> Option<String> {
        LOCALES
            .lookup_single_language::<&str>(&self.id(), key, None)
            .ok()
    }
}

/// One Fluent variable's value: text or a number (numbers choose plural
/// forms).
pub fn arg(value: impl IntoArg) -> FluentValue<'static> {
    value.into_arg()
}

pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize);

/// `tr!(lang, "key")` or `tr!(lang, "key", name = value, …)`: the message in
/// that language, its `{ $name }` variables filled.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::Lang::text($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Lang::text_with(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::arg($value))),+],
        )
    };
}

/// A command's, option's or choice's name in every language, English
/// included (the name in the code, which a test holds to the catalog's):
/// `key` names it in the catalogs.
pub fn names(key: &str) -> NameLocalizations {
    NameLocalizations::new(localized(key, true))
}

/// A description in English (the fallback Discord shows) and in every
/// other language.
pub fn description(key: &str) -> DescLocalizations {
    DescLocalizations::new(Lang::En.text(key), localized(key, false))
}

/// `key` for every Discord locale of every language (English included
/// when `english`), sorted by locale.
fn localized(key: &str, english: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Lang::ALL
        .into_iter()
        .filter(|lang| english || *lang != Lang::En)
        .flat_map(|lang| {
            let text = lang.text(key);
            lang.discord_locales()
                .iter()
                .map(move |locale| ((*locale).to_owned(), text.clone()))
        })
        .collect();
    out.sort();
    out
}

/// Defines the functions `twilight-interactions` calls for localized
/// descriptions (`desc_localizations = "fn_name"`):
/// `descriptions! { fn_name => "catalog-key", … }`.
#[macro_export]
macro_rules! descriptions {
    ($($f:ident => $key:literal),* $(,)?) => {$(
        fn $f() -> twilight_interactions::command::DescLocalizations {
            $crate::i18n::description($key)
        }
    )*};
}

/// The same for localized names (`name_localizations = "fn_name"`).
#[macro_export]
macro_rules! names {
    ($($f:ident => $key:literal),* $(,)?) => {$(
        fn $f() -> twilight_interactions::command::NameLocalizations {
            $crate::i18n::names($key)
        }
    )*};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_locales_map_to_the_language_that_serves_them() {
        assert_eq!(Lang::of(Some("de")), Lang::De);
        assert_eq!(Lang::of(Some("es-419")), Lang::Es);
        assert_eq!(Lang::of(Some("es-ES")), Lang::Es);
        assert_eq!(Lang::of(Some("pt-BR")), Lang::PtBr);
        assert_eq!(Lang::of(Some("en-GB")), Lang::En);
        assert_eq!(Lang::of(Some("ja")), Lang::Ja);
        assert_eq!(
            Lang::of(Some("ko")),
            Lang::En,
            "a language the bot does not speak"
        );
        assert_eq!(Lang::of(None), Lang::En);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_locale(lang.tag()), Some(lang));
        }
    }
}
