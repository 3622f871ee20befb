//! Refusals and failures in the language of the person who asked. The domain's errors say what
//! happened (their `Display` is the English text, kept for logs); here each becomes its text in
//! `errors.ftl`, with the same values.

use super::i18n::{Language, Value};
use super::request::InputError;
use super::text::code_span;
use crate::network::{
    LinkProblem, MAX_ABOUT_CHARS, MAX_HEADLINE_CHARS, MAX_LINK_CHARS, MAX_LINKS, MAX_NOTE_CHARS,
    MAX_SKILL_CHARS, MAX_SKILLS, MAX_TAG_CHARS, MAX_TAGS_PER_CONNECTION, NetworkError, Wait,
    WaitUnit,
};

/// What the person reads for a refused or failed operation.
pub fn network_error(language: Language, error: &NetworkError) -> String {
    use NetworkError as E;
    let (key, values): (&str, Vec<(&'static str, Value)>) = match error {
        E::InvalidId => ("error-invalid-id", vec![]),
        E::SelfTarget => ("error-self-target", vec![]),
        E::AlreadyConnected => ("error-already-connected", vec![]),
        E::InvitationAlreadyPending => ("error-invitation-pending", vec![]),
        E::NotInvitable => ("error-not-invitable", vec![]),
        E::NoteTooLong { chars } => (
            "error-note-too-long",
            vec![("chars", (*chars).into()), ("max", MAX_NOTE_CHARS.into())],
        ),
        E::WeeklyInviteLimit { limit, retry_after } => (
            "error-weekly-limit",
            vec![
                ("limit", (*limit).into()),
                ("wait", wait(language, Wait(*retry_after)).into()),
            ],
        ),
        E::WithdrawCooldown { retry_after } => (
            "error-withdraw-cooldown",
            vec![("wait", wait(language, Wait(*retry_after)).into())],
        ),
        E::SendingSuspended => ("error-sending-suspended", vec![]),
        E::NoInvitationReceived => ("error-no-invitation-received", vec![]),
        E::NoInvitationSent => ("error-no-invitation-sent", vec![]),
        E::NotConnected => ("error-not-connected", vec![]),
        E::ConnectionCapReached { cap } => ("error-cap-reached", vec![("cap", (*cap).into())]),
        E::InvitationUnavailable => ("error-invitation-unavailable", vec![]),
        E::TagEmpty => ("error-tag-empty", vec![]),
        E::TagTooLong => ("error-tag-too-long", vec![("max", MAX_TAG_CHARS.into())]),
        E::TooManyTags => (
            "error-too-many-tags",
            vec![("max", MAX_TAGS_PER_CONNECTION.into())],
        ),
        E::LimitOutOfRange { min, max } => (
            "error-limit-out-of-range",
            vec![("min", (*min).into()), ("max", (*max).into())],
        ),
        E::HeadlineTooLong { chars } => (
            "error-headline-too-long",
            vec![
                ("chars", (*chars).into()),
                ("max", MAX_HEADLINE_CHARS.into()),
            ],
        ),
        E::AboutTooLong { chars } => (
            "error-about-too-long",
            vec![("chars", (*chars).into()), ("max", MAX_ABOUT_CHARS.into())],
        ),
        E::TooManySkills { count } => (
            "error-too-many-skills",
            vec![("count", (*count).into()), ("max", MAX_SKILLS.into())],
        ),
        E::SkillTooLong { skill } => (
            "error-skill-too-long",
            vec![
                ("skill", code_span(skill).into()),
                ("max", MAX_SKILL_CHARS.into()),
            ],
        ),
        E::TooManyLinks { count } => (
            "error-too-many-links",
            vec![("count", (*count).into()), ("max", MAX_LINKS.into())],
        ),
        E::BadLink { link, problem } => {
            let key = match problem {
                LinkProblem::TooLong => "error-link-too-long",
                LinkProblem::HasSpaces => "error-link-spaces",
                LinkProblem::NotHttps => "error-link-not-https",
                LinkProblem::NotALink => "error-link-not-a-link",
                LinkProblem::InviteLink => "error-link-invite",
            };
            (
                key,
                vec![
                    ("link", code_span(link).into()),
                    ("max", MAX_LINK_CHARS.into()),
                ],
            )
        }
        E::Internal(_) => ("error-internal", vec![]),
    };
    language.format(key, &values)
}

/// What the person reads when their interaction could not be understood.
pub fn input_error(language: Language, error: &InputError) -> String {
    language.text(match error {
        InputError::NotInServer => "input-not-in-server",
        InputError::BotTarget => "input-bot-target",
        InputError::NotAMember => "input-not-a-member",
        InputError::NotYourButton => "input-not-your-button",
        InputError::Unknown => "input-unknown",
        InputError::Malformed(_) => "input-malformed",
    })
}

/// "3 days", "1 hour": a wait in words.
pub fn wait(language: Language, wait: Wait) -> String {
    let (count, unit) = wait.parts();
    let key = match unit {
        WaitUnit::Minutes => "wait-minutes",
        WaitUnit::Hours => "wait-hours",
        WaitUnit::Days => "wait-days",
    };
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    language.format(key, &[("count", count.into())])
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use strum::IntoEnumIterator;

    use super::*;
    use crate::network::port::StoreError;

    /// Every error, with long values.
    fn every_error() -> Vec<NetworkError> {
        let long = "x".repeat(200);
        let wait = Duration::from_secs(21 * 24 * 3600);
        let mut all = vec![
            NetworkError::InvalidId,
            NetworkError::SelfTarget,
            NetworkError::AlreadyConnected,
            NetworkError::InvitationAlreadyPending,
            NetworkError::NotInvitable,
            NetworkError::NoteTooLong { chars: 9999 },
            NetworkError::WeeklyInviteLimit {
                limit: 10_000,
                retry_after: wait,
            },
            NetworkError::WithdrawCooldown { retry_after: wait },
            NetworkError::SendingSuspended,
            NetworkError::NoInvitationReceived,
            NetworkError::NoInvitationSent,
            NetworkError::NotConnected,
            NetworkError::ConnectionCapReached { cap: 1_000_000 },
            NetworkError::InvitationUnavailable,
            NetworkError::TagEmpty,
            NetworkError::TagTooLong,
            NetworkError::TooManyTags,
            NetworkError::LimitOutOfRange {
                min: 1,
                max: 1_000_000,
            },
            NetworkError::HeadlineTooLong { chars: 4000 },
            NetworkError::AboutTooLong { chars: 4000 },
            NetworkError::TooManySkills { count: 400 },
            NetworkError::SkillTooLong {
                skill: long.clone(),
            },
            NetworkError::TooManyLinks { count: 400 },
            NetworkError::Internal(StoreError::corrupt("test")),
        ];
        for problem in [
            LinkProblem::TooLong,
            LinkProblem::HasSpaces,
            LinkProblem::NotHttps,
            LinkProblem::NotALink,
            LinkProblem::InviteLink,
        ] {
            all.push(NetworkError::BadLink {
                link: long.clone(),
                problem,
            });
        }
        all
    }

    #[test]
    fn every_error_reads_in_every_language_with_its_values_and_within_discords_limit() {
        for language in Language::iter() {
            for error in every_error() {
                let text = network_error(language, &error);
                assert!(!text.contains("{"), "{}: {text}", language.code());
                assert!(text.chars().count() <= 2000, "{text}");
            }
        }
        // Strictly: no value missing from any text (a missing one would fall back to English).
        for language in Language::iter() {
            for (count, _) in [(1usize, ()), (3, ())] {
                for key in ["wait-minutes", "wait-hours", "wait-days"] {
                    language
                        .try_format(key, &[("count", count.into())])
                        .unwrap_or_else(|e| panic!("{}: {key}: {e}", language.code()));
                }
            }
        }
    }

    #[test]
    fn the_neutral_refusal_is_one_sentence_per_language_whatever_the_reason() {
        // Every reason an invitation is refused on the invitee's side is this one variant; its
        // text carries no value that could differ.
        for language in Language::iter() {
            let text = network_error(language, &NetworkError::NotInvitable);
            assert_eq!(
                language.try_format("error-not-invitable", &[]).unwrap(),
                text
            );
        }
        assert_eq!(
            network_error(Language::English, &NetworkError::NotInvitable),
            NetworkError::NotInvitable.to_string()
        );
    }

    #[test]
    fn english_texts_are_the_domains_own() {
        for error in every_error() {
            assert_eq!(
                network_error(Language::English, &error),
                error.to_string(),
                "errors.ftl and the domain's Display say the same in English"
            );
        }
        assert_eq!(
            wait(Language::German, Wait(Duration::from_secs(3 * 86_400))),
            "3 Tagen"
        );
        assert_eq!(
            wait(Language::Japanese, Wait(Duration::from_secs(90))),
            "2分"
        );
    }
}
