//! The languages members read: which one an interaction asks for, and every text in it, from the
//! Project Fluent files in `locales/<language>/` (embedded at compile time). Plurals follow each
//! language's rules; names, numbers and dates are inserted as values.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, static_loader};
use strum::IntoEnumIterator;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // No Unicode isolation marks around inserted values: Discord renders mentions and
        // timestamps only when nothing invisible surrounds them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Language {
    /// en-US, and the fallback for every locale without a language of its own.
    English,
    German,
    French,
    Spanish,
    BrazilianPortuguese,
    Japanese,
}

impl Language {
    /// Discord's locale code, which is also the folder of its translations.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en-US",
            Self::German => "de",
            Self::French => "fr",
            Self::Spanish => "es-ES",
            Self::BrazilianPortuguese => "pt-BR",
            Self::Japanese => "ja",
        }
    }

    /// The language for a Discord locale (an interaction's `locale` or `guild_locale`): its
    /// own, the nearest (en-GB reads English, es-419 Spanish), or English.
    pub fn from_discord(locale: &str) -> Self {
        let base = locale.split('-').next().unwrap_or(locale);
        match base {
            "de" => Self::German,
            "fr" => Self::French,
            "es" => Self::Spanish,
            "pt" => Self::BrazilianPortuguese,
            "ja" => Self::Japanese,
            _ => Self::English,
        }
    }

    /// The languages other than English, which commands carry as localizations.
    pub fn translated() -> impl Iterator<Item = Language> {
        Self::iter().filter(|l| *l != Self::English)
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language tag")
    }

    /// The text `key`, which takes no values.
    pub fn text(self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The text `key` with `values` inserted. A text missing here, or one asking for a value not
    /// given, is logged and the English one used instead (the tests check none is missing).
    pub fn format(self, key: &str, values: &[(&'static str, Value)]) -> String {
        match self.try_format(key, values) {
            Ok(text) => text,
            Err(error) => {
                tracing::error!(language = self.code(), key, %error, "a translation failed");
                Language::English
                    .try_format(key, values)
                    .unwrap_or_else(|_| key.to_owned())
            }
        }
    }

    /// [`Language::format`], failing on a missing text or value instead of falling back.
    pub fn try_format(self, key: &str, values: &[(&'static str, Value)]) -> Result<String, String> {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = values
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.fluent()))
            .collect();
        LOCALES
            .lookup_single_language(&self.id(), key, Some(&args))
            .map_err(|e| e.to_string())
    }

    /// Every text key of the English files, for the tests.
    #[cfg(test)]
    pub(crate) fn english_keys() -> Vec<String> {
        let source = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en-US"))
            .expect("the English translations")
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        source
            .lines()
            .filter_map(|line| {
                let (key, _) = line.split_once(" =")?;
                (!key.starts_with(['#', ' ', '.', '-'])).then(|| key.to_owned())
            })
            .collect()
    }

    /// Whether `key` has a text in this language (not borrowed from English). A text that asks
    /// for values fails to format without them, but it is there.
    #[cfg(test)]
    pub(crate) fn has(self, key: &str) -> bool {
        match LOCALES.lookup_single_language::<&str>(&self.id(), key, None) {
            Ok(_) => true,
            Err(error) => {
                let error = error.to_string();
                !(error.contains("retrieve") || error.contains("not been loaded"))
            }
        }
    }
}

/// A value inserted into a text.
#[derive(Debug, Clone)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl Value {
    fn fluent(&self) -> FluentValue<'_> {
        match self {
            Self::Text(text) => FluentValue::from(text.as_str()),
            Self::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_locales_find_their_language_or_english() {
        assert_eq!(Language::from_discord("de"), Language::German);
        assert_eq!(Language::from_discord("es-419"), Language::Spanish);
        assert_eq!(
            Language::from_discord("pt-BR"),
            Language::BrazilianPortuguese
        );
        assert_eq!(Language::from_discord("en-GB"), Language::English);
        assert_eq!(Language::from_discord("ko"), Language::English);
        for language in Language::iter() {
            assert_eq!(Language::from_discord(language.code()), language);
        }
    }

    #[test]
    fn every_text_exists_in_every_language() {
        let keys = Language::english_keys();
        assert!(keys.len() > 50, "read the English files: {keys:?}");
        let mut missing = Vec::new();
        for language in Language::translated() {
            for key in &keys {
                if !language.has(key) {
                    missing.push(format!("{}: {key}", language.code()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing translations:\n{}",
            missing.join("\n")
        );
    }
}
