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

    /// The longest value each variable takes in practice.
    fn longest(variable: &str) -> Value {
        match variable {
            "member" => Value::Text("<@1234567890123456789>".into()),
            "name" => Value::Text("N".repeat(40)),
            "when" | "date" => Value::Text("<t:17000000000:R>".into()),
            "count" | "n" | "total" | "max" | "min" | "chars" | "limit" | "cap" | "more"
            | "members" | "connections" | "pending" | "sent" | "median" | "most" | "per_week"
            | "reports" | "received" | "left" => Value::Number(1_000_000),
            "names" => Value::Text(vec!["N".repeat(40); 5].join(", ")),
            // Skills and tags: at most 32 characters, in a code span.
            "skill" | "tag" => Value::Text("S".repeat(34)),
            "heading" | "filters" => Value::Text("F".repeat(300)),
            _ => Value::Text("V".repeat(100)),
        }
    }

    /// Every text in every language, with every value at its longest: it formats (no value a
    /// translation asks for is missing), and fits Discord's limit for where it is shown.
    #[test]
    fn every_text_renders_in_every_language_within_discords_limits() {
        let source = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en-US"))
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        // Each message's variables, read off its English source (up to the next message).
        let mut variables: HashMap<String, Vec<String>> = HashMap::new();
        let mut current = None;
        for line in source.lines() {
            if let Some((key, _)) = line.split_once(" =")
                && !key.starts_with(['#', ' ', '.', '-'])
            {
                current = Some(key.to_owned());
            }
            if let Some(key) = &current {
                let found = variables.entry(key.clone()).or_default();
                for part in line.split('$').skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !found.contains(&name) {
                        found.push(name);
                    }
                }
            }
        }
        // A message that places another (`{ other-message }`) passes it its own values.
        let references: Vec<(String, String)> = variables
            .keys()
            .flat_map(|key| {
                let start = source.find(&format!("\n{key} =")).unwrap_or(0);
                let body: String = source[start + 1..]
                    .lines()
                    .take_while({
                        let mut first = true;
                        move |line| std::mem::take(&mut first) || line.starts_with(' ')
                    })
                    .collect();
                variables
                    .keys()
                    .filter(|other| body.contains(&format!("{{ {other} }}")))
                    .map(|other| (key.clone(), other.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (key, other) in references {
            let borrowed = variables[&other].clone();
            variables.get_mut(&key).unwrap().extend(borrowed);
        }
        let mut problems = Vec::new();
        for language in Language::iter() {
            for (key, names) in &variables {
                let values: Vec<(&'static str, Value)> = names
                    .iter()
                    .map(|n| (&*Box::leak(n.clone().into_boxed_str()), longest(n)))
                    .collect();
                let text = match language.try_format(key, &values) {
                    Ok(text) => text,
                    Err(error) => {
                        problems.push(format!("{} {key}: {error}", language.code()));
                        continue;
                    }
                };
                let limit = if key.starts_with("button-") {
                    80
                } else if key.ends_with("-placeholder") || key == "skill-choice" {
                    100
                } else if key == "form-title" || (key.starts_with("form-") && names.len() <= 1) {
                    45
                } else if key.starts_with("card-") {
                    256
                } else {
                    2000
                };
                let length = text.chars().count();
                if length > limit {
                    problems.push(format!("{} {key}: {length} > {limit}", language.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
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
