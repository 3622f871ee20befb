//! The fonts pictures are drawn with: shipped in `assets/fonts/` and embedded in the binary, so
//! a picture never depends on what is installed on the machine (see `assets/fonts/README.md`).

use std::sync::{Arc, OnceLock};

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Latin, Greek and Cyrillic.
const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Chinese and Japanese: what the faces above lack is drawn with this one…
const FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");
/// …and Korean (Hangul), which that one lacks, with this one.
const HANGUL: &[u8] = include_bytes!("../../assets/fonts/NanumSquareR.ttf");

/// The family pictures name; the renderer falls back to any face that has a character.
pub(super) const FAMILY: &str = "DejaVu Sans";

/// The faces, loaded once (parsing them is a few milliseconds; every picture shares them).
pub(super) fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        for face in [SANS, SANS_BOLD, FALLBACK, HANGUL] {
            fonts.load_font_data(face.to_vec());
        }
        Arc::new(fonts)
    }))
}

/// How wide `text` is drawn at `size` pixels: each character's advance in the first face that
/// has it (the faces the renderer falls back through), a box's width for one neither has.
/// Kerning is left out, so this is at most a few per cent wide: labels are kept apart by it.
pub(super) fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let faces = faces();
    let primary = if bold { &faces[1] } else { &faces[0] };
    text.chars()
        .map(|c| {
            [primary, &faces[2], &faces[3]]
                .into_iter()
                .find_map(|face| face.advance(c, size))
                .unwrap_or(size * 0.6)
        })
        .sum()
}

/// A face's character map and advances, parsed once.
struct Face {
    font: FontRef<'static>,
}

impl Face {
    fn advance(&self, c: char, size: f32) -> Option<f32> {
        let glyph = self.font.charmap().map(c)?;
        self.font
            .glyph_metrics(Size::new(size), LocationRef::default())
            .advance_width(glyph)
    }
}

fn faces() -> &'static [Face; 4] {
    static FACES: OnceLock<[Face; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        [SANS, SANS_BOLD, FALLBACK, HANGUL].map(|data| Face {
            font: FontRef::new(data).expect("the shipped fonts parse"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_a_name_may_use_has_a_face() {
        let faces = faces();
        for c in ['A', 'é', 'Ж', 'Ω', '中', 'あ', 'カ', '한', '민'] {
            assert!(
                faces.iter().any(|face| face.advance(c, 16.0).is_some()),
                "no shipped face draws {c:?}"
            );
        }
        assert!(text_width("Ada", 16.0, false) > 20.0);
        assert!(text_width("Ada Lovelace", 16.0, false) > text_width("Ada", 16.0, false));
        // Wide characters are wide: a CJK name is not measured as narrow Latin.
        assert!(text_width("中文名", 16.0, false) > 40.0);
        assert_eq!(database().len(), 4);
    }
}
