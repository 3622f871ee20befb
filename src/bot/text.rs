//! Small pieces of message text shared by handlers and notifications.

use crate::network::{GuildId, MemberId, Network};

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
    fn markdown_in_names_is_shown_literally() {
        assert_eq!(
            escape_markdown("*bold* _x_ `c` <@1>"),
            "\\*bold\\* \\_x\\_ \\`c\\` \\<\\@1\\>"
        );
        assert_eq!(escape_markdown("Élodie"), "Élodie");
    }
}
