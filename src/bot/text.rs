//! Small pieces of message text shared by handlers and notifications.

use super::i18n::Language;
use crate::network::{GuildId, MemberId, MemberNames, Network, Timestamp};

/// Longest member name put in a button label or menu option (Discord allows 80 and 100).
const LABEL_NAME_CHARS: usize = 40;

/// A user mention. Rendered by Discord as the member's name; it pings nobody because every
/// message the bot sends has empty `allowed_mentions`.
pub fn mention(member: MemberId) -> String {
    format!("<@{member}>")
}

/// A member's display name in bold (for DMs, where mentions of server members may not
/// resolve), or a mention when the bot has not seen their name.
pub async fn name_of(network: &Network, guild: GuildId, member: MemberId) -> String {
    match network.member_names(guild, member).await {
        Ok(Some(names)) => format!("**{}**", escape_markdown(&names.display_name)),
        _ => mention(member),
    }
}

/// A name for a button label or menu option, which show plain text (no mentions, no
/// markdown): the display name, shortened, or the id for a member never seen.
pub fn label_name(language: Language, names: Option<&MemberNames>, member: MemberId) -> String {
    match names {
        Some(names) => shorten(&names.display_name, LABEL_NAME_CHARS),
        None => language.format("member-fallback", &[("id", member.to_string().into())]),
    }
}

/// Discord's own localized relative time ("3 days ago", "in 2 weeks").
pub fn relative_time(at: Timestamp) -> String {
    format!("<t:{}:R>", at.unix_seconds())
}

/// A date in the reader's locale.
pub fn date(at: Timestamp) -> String {
    format!("<t:{}:D>", at.unix_seconds())
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Escapes Discord markdown, so a name like `*_x_*` shows as typed.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '~'
                | '`'
                | '|'
                | '>'
                | '#'
                | '-'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '@'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// What one member wrote, for others to read: shown as typed — markdown escaped (no masked
/// links, headings, spoilers or formatting that could pass for the bot's own words), mentions
/// shown as text, and web addresses left as text rather than made into links (only a profile's
/// Links field makes links).
pub fn inert(text: &str) -> String {
    escape_markdown(text).replace("://", ":\\/\\/")
}

/// Text a member typed (a tag, a skill, a link), shown inside a code span: no markdown in it
/// takes effect, and a backquote cannot end the span early.
pub fn code_span(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

/// An error and its causes on one line, for logs.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_an_ellipsis_within_the_limit() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("exactly10!", 10), "exactly10!");
        let cut = shorten(&"é".repeat(50), 10);
        assert_eq!(cut.chars().count(), 10);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn markdown_in_names_is_shown_literally() {
        assert_eq!(
            escape_markdown("*bold* _x_ `c` <@1>"),
            "\\*bold\\* \\_x\\_ \\`c\\` \\<\\@1\\>"
        );
        assert_eq!(escape_markdown("Élodie"), "Élodie");
    }

    #[test]
    fn members_text_makes_no_links_headings_or_mentions() {
        assert_eq!(
            inert("# Hi [me](https://x.io) @everyone ||s||"),
            "\\# Hi \\[me\\]\\(https:\\/\\/x.io\\) \\@everyone \\|\\|s\\|\\|"
        );
    }
}
