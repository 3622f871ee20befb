//! Writing SVG: members' names and tags go into the document as text, so everything written
//! is escaped, and characters XML cannot hold (control characters) are dropped.

use std::fmt::Write;

/// An SVG document being written.
pub(crate) struct Svg(String);

/// Colours of text and lines.
pub(crate) const INK: &str = "#1f2328";
pub(crate) const MUTED: &str = "#57606a";

impl Svg {
    pub(crate) fn new(width: u32, height: u32) -> Self {
        Self(format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
        ))
    }

    pub(crate) fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }

    /// Appends raw markup (numbers and fixed names only: never a member's text).
    pub(crate) fn raw(&mut self, markup: std::fmt::Arguments<'_>) {
        let _ = self.0.write_fmt(markup);
    }

    /// A line of text whose top-left corner is at (`left`, `top`).
    pub(crate) fn text(
        &mut self,
        left: f32,
        top: f32,
        size: f32,
        bold: bool,
        fill: &str,
        text: &str,
    ) {
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        // The baseline sits about 0.95 of the size below the top of the box.
        let _ = write!(
            self.0,
            r#"<text x="{left:.1}" y="{:.1}" font-size="{size}"{weight} fill="{fill}">"#,
            top + size * 0.95
        );
        escape_into(&mut self.0, text);
        self.0.push_str("</text>");
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// `text` cut to `max` characters, with an ellipsis if it was longer.
pub(crate) fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_text_cannot_break_out_of_the_document() {
        let mut svg = Svg::new(10, 10);
        svg.text(0.0, 0.0, 12.0, false, INK, "</text><script>&\u{7}'\"");
        let done = svg.finish();
        assert!(done.contains("&lt;/text&gt;&lt;script&gt;&amp;&apos;&quot;"));
        assert!(!done.contains('\u{7}'));
        assert_eq!(shortened("Ada Lovelace", 5), "Ada …");
        assert_eq!(shortened("Ada", 5), "Ada");
    }
}
