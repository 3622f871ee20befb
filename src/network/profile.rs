//! Professional profiles: what a member says about themselves — a headline, an about text,
//! skills, links, and what they are open to. Parsed from what the member typed, so a value of
//! these types always keeps the limits; the error names the field and the limit it broke.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::port::StoreError;
use super::{NetworkError, Timestamp};

pub const MAX_HEADLINE_CHARS: usize = 120;
pub const MAX_ABOUT_CHARS: usize = 1_000;
pub const MAX_SKILLS: usize = 10;
pub const MAX_SKILL_CHARS: usize = 32;
pub const MAX_LINKS: usize = 3;
pub const MAX_LINK_CHARS: usize = 200;

/// What a member is open to. The stored and logged names are the `snake_case` ones, so the
/// order of the variants can change freely.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    EnumIter,
    EnumString,
    IntoStaticStr,
    Serialize,
    Deserialize,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum OpenTo {
    Mentoring,
    BeingMentored,
    Collaborating,
    Hiring,
    JobSeeking,
    Freelance,
}

impl OpenTo {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }

    /// Every choice, in the order menus show them.
    pub fn all() -> impl Iterator<Item = OpenTo> {
        Self::iter()
    }

    /// The stored names of what a member is open to, read back: a name this binary does not
    /// know means the database holds what no version of the rules wrote.
    pub(crate) fn stored<'a>(
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<OpenTo>, StoreError> {
        names
            .into_iter()
            .filter(|name| !name.is_empty())
            .map(|name| {
                OpenTo::parse(name)
                    .ok_or_else(|| StoreError::corrupt(format!("unknown open-to choice {name:?}")))
            })
            .collect()
    }

    /// A set as a list without duplicates, in the order menus show them.
    pub fn normalized(mut set: Vec<OpenTo>) -> Vec<OpenTo> {
        set.sort_unstable();
        set.dedup();
        set
    }
}

/// Who sees a member's profile card and finds them in people search.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    EnumString,
    IntoStaticStr,
    Serialize,
    Deserialize,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ProfileVisibility {
    /// Everyone in the server.
    #[default]
    Everyone,
    /// Only the member's connections; others see the name alone.
    Connections,
}

impl ProfileVisibility {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// One skill, as its member spelled it: trimmed, 1 to [`MAX_SKILL_CHARS`] characters, no
/// commas (they separate skills). Skills are the same skill whatever their case and accents
/// ([`Skill::key`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill(String);

impl Skill {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What two spellings of one skill share.
    pub fn key(&self) -> String {
        fold(&self.0)
    }

    #[cfg(test)]
    pub(crate) fn from_stored(text: String) -> Self {
        Skill(text)
    }
}

/// A link on a profile: an `https://` URL as its member typed it, at most
/// [`MAX_LINK_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileLink(String);

impl ProfileLink {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A member's profile in one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub headline: Option<String>,
    pub about: Option<String>,
    pub skills: Vec<Skill>,
    pub links: Vec<ProfileLink>,
    pub open_to: Vec<OpenTo>,
    /// When the member last saved it (the newest profiles come first among equals).
    pub updated_at: Timestamp,
}

impl Profile {
    /// A profile as a store kept it (every store writes only checked profiles).
    pub(crate) fn from_stored(
        headline: Option<String>,
        about: Option<String>,
        skills: Vec<String>,
        links: Vec<String>,
        open_to: Vec<OpenTo>,
        updated_at: Timestamp,
    ) -> Self {
        Self {
            headline,
            about,
            skills: skills.into_iter().map(Skill).collect(),
            links: links.into_iter().map(ProfileLink).collect(),
            open_to,
            updated_at,
        }
    }

    /// A profile with nothing filled in yet.
    pub(crate) fn empty(now: Timestamp) -> Self {
        Self::from_stored(None, None, Vec::new(), Vec::new(), Vec::new(), now)
    }

    /// Whether nothing is filled in (such a profile is not kept).
    pub fn is_empty(&self) -> bool {
        self.headline.is_none()
            && self.about.is_none()
            && self.skills.is_empty()
            && self.links.is_empty()
            && self.open_to.is_empty()
    }
}

/// The profile's text fields as the member typed them in the edit form, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub headline: String,
    pub about: String,
    /// Comma-separated.
    pub skills: String,
    /// One per line.
    pub links: String,
}

/// The checked text fields of a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileText {
    pub headline: Option<String>,
    pub about: Option<String>,
    pub skills: Vec<Skill>,
    pub links: Vec<ProfileLink>,
}

impl ProfileDraft {
    /// Checks every field; an empty field clears it. `invite_links` says whether the server
    /// allows Discord invite links on profiles.
    pub fn parse(&self, invite_links: bool) -> Result<ProfileText, NetworkError> {
        Ok(ProfileText {
            headline: bounded(&self.headline, MAX_HEADLINE_CHARS)
                .map_err(|chars| NetworkError::HeadlineTooLong { chars })?,
            about: bounded(&self.about, MAX_ABOUT_CHARS)
                .map_err(|chars| NetworkError::AboutTooLong { chars })?,
            skills: parse_skills(&self.skills)?,
            links: parse_links(&self.links, invite_links)?,
        })
    }
}

/// The trimmed text, `None` if blank, or its length if over `max` characters.
fn bounded(text: &str, max: usize) -> Result<Option<String>, usize> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(chars);
    }
    Ok(Some(trimmed.to_owned()))
}

/// Comma-separated skills: trimmed, blanks skipped, the same skill twice (in any case or
/// accents) kept once with its first spelling.
fn parse_skills(text: &str) -> Result<Vec<Skill>, NetworkError> {
    let mut skills: Vec<Skill> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for typed in text
        .split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if typed.chars().count() > MAX_SKILL_CHARS {
            return Err(NetworkError::SkillTooLong {
                skill: typed.to_owned(),
            });
        }
        let skill = Skill(typed.to_owned());
        let key = skill.key();
        if !keys.contains(&key) {
            keys.push(key);
            skills.push(skill);
        }
    }
    if skills.len() > MAX_SKILLS {
        return Err(NetworkError::TooManySkills {
            count: skills.len(),
        });
    }
    Ok(skills)
}

/// Why a link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    TooLong,
    HasSpaces,
    NotHttps,
    NotALink,
    /// A Discord invite, on a server whose moderators do not allow them.
    InviteLink,
}

/// One link per line: trimmed, blank lines skipped.
fn parse_links(text: &str, invite_links: bool) -> Result<Vec<ProfileLink>, NetworkError> {
    let typed: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if typed.len() > MAX_LINKS {
        return Err(NetworkError::TooManyLinks { count: typed.len() });
    }
    typed
        .into_iter()
        .map(|link| {
            check_link(link, invite_links)
                .map(|()| ProfileLink(link.to_owned()))
                .map_err(|problem| NetworkError::BadLink {
                    link: link.to_owned(),
                    problem,
                })
        })
        .collect()
}

fn check_link(link: &str, invite_links: bool) -> Result<(), LinkProblem> {
    if link.chars().count() > MAX_LINK_CHARS {
        return Err(LinkProblem::TooLong);
    }
    if link.chars().any(char::is_whitespace) {
        return Err(LinkProblem::HasSpaces);
    }
    if !link
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        return Err(LinkProblem::NotHttps);
    }
    let url = url::Url::parse(link).map_err(|_| LinkProblem::NotALink)?;
    let Some(host) = url.host_str().filter(|h| h.contains('.')) else {
        return Err(LinkProblem::NotALink);
    };
    if !invite_links && is_discord_invite(host, url.path()) {
        return Err(LinkProblem::InviteLink);
    }
    Ok(())
}

/// `discord.gg/…`, `discord.com/invite/…` and their old and test hosts.
fn is_discord_invite(host: &str, path: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    match host {
        "discord.gg" => path.len() > 1,
        "discord.com" | "discordapp.com" | "ptb.discord.com" | "canary.discord.com" => {
            path.starts_with("/invite/")
        }
        _ => false,
    }
}

/// Text as searches compare it: lower case, accents taken off ("Émile" finds "emile").
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(skills: &str, links: &str) -> ProfileDraft {
        ProfileDraft {
            skills: skills.into(),
            links: links.into(),
            ..Default::default()
        }
    }

    #[test]
    fn skills_are_trimmed_and_kept_once_in_their_first_spelling() {
        let text = draft(" Rust , postgres,, RUST, Émile ,emile", "")
            .parse(false)
            .unwrap();
        let skills: Vec<&str> = text.skills.iter().map(Skill::as_str).collect();
        assert_eq!(skills, ["Rust", "postgres", "Émile"]);
    }

    #[test]
    fn limits_are_refused_with_the_limit_named() {
        let eleven = (0..11)
            .map(|i| format!("s{i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert!(matches!(
            draft(&eleven, "").parse(false),
            Err(NetworkError::TooManySkills { count: 11 })
        ));
        let ten_twice = format!("{eleven},S10");
        assert!(draft(&ten_twice, "").parse(false).is_err());
        let long = "x".repeat(33);
        assert!(matches!(
            draft(&long, "").parse(false),
            Err(NetworkError::SkillTooLong { .. })
        ));
        let headline = ProfileDraft {
            headline: "é".repeat(121),
            ..Default::default()
        };
        assert!(matches!(
            headline.parse(false),
            Err(NetworkError::HeadlineTooLong { chars: 121 })
        ));
        let fits = ProfileDraft {
            headline: "é".repeat(120),
            about: "a\n".repeat(500),
            ..Default::default()
        };
        assert!(fits.parse(false).is_ok());
        let about = ProfileDraft {
            about: "a".repeat(1001),
            ..Default::default()
        };
        assert!(matches!(
            about.parse(false),
            Err(NetworkError::AboutTooLong { chars: 1001 })
        ));
    }

    #[test]
    fn links_must_be_https_urls_without_spaces() {
        let problem = |link: &str| match draft("", link).parse(false) {
            Err(NetworkError::BadLink { problem, .. }) => Some(problem),
            Ok(_) => None,
            Err(other) => panic!("{other}"),
        };
        assert_eq!(problem("https://example.com/me"), None);
        assert_eq!(problem("HTTPS://example.com"), None);
        assert_eq!(problem("http://example.com"), Some(LinkProblem::NotHttps));
        assert_eq!(problem("javascript:alert(1)"), Some(LinkProblem::NotHttps));
        assert_eq!(problem("example.com"), Some(LinkProblem::NotHttps));
        assert_eq!(
            problem("https://exa mple.com"),
            Some(LinkProblem::HasSpaces)
        );
        assert_eq!(problem("https://"), Some(LinkProblem::NotALink));
        assert_eq!(problem("https://localhost"), Some(LinkProblem::NotALink));
        let long = format!("https://example.com/{}", "a".repeat(190));
        assert_eq!(problem(&long), Some(LinkProblem::TooLong));
        assert!(matches!(
            draft(
                "",
                "https://a.io\nhttps://b.io\n\nhttps://c.io\nhttps://d.io"
            )
            .parse(false),
            Err(NetworkError::TooManyLinks { count: 4 })
        ));
    }

    #[test]
    fn discord_invites_only_where_the_server_allows_them() {
        for invite in [
            "https://discord.gg/abc",
            "https://www.discord.com/invite/abc",
            "https://discordapp.com/invite/abc",
            "https://DISCORD.GG/abc",
        ] {
            assert!(
                matches!(
                    draft("", invite).parse(false),
                    Err(NetworkError::BadLink {
                        problem: LinkProblem::InviteLink,
                        ..
                    })
                ),
                "{invite}"
            );
            assert!(draft("", invite).parse(true).is_ok(), "{invite}");
        }
        assert!(
            draft("", "https://discord.com/developers")
                .parse(false)
                .is_ok()
        );
    }

    #[test]
    fn blank_fields_clear_and_open_to_reads_its_stored_names() {
        let text = ProfileDraft {
            headline: "   ".into(),
            ..Default::default()
        }
        .parse(false)
        .unwrap();
        assert_eq!(text.headline, None);
        assert_eq!(OpenTo::parse("being_mentored"), Some(OpenTo::BeingMentored));
        assert_eq!(OpenTo::JobSeeking.as_str(), "job_seeking");
        assert_eq!(OpenTo::all().count(), 6);
        assert_eq!(fold("Ñandú ÉCOLE"), "nandu ecole");
    }
}
