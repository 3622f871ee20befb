//! Pictures: the member's network map and the moderators' charts, drawn as PNG files.
//!
//! Each picture is built as an SVG document (plain text, easy to reason about and to test) and
//! rendered by resvg: pure Rust (tiny-skia underneath), no browser and no system library, with
//! text shaped and drawn from the fonts shipped in `assets/fonts/` (any face that has a
//! character draws it, so Latin, Cyrillic and CJK names all render). Plotters was the other
//! candidate; it would still need a font stack, and the map is mostly circles, lines and
//! labels, which SVG says directly.
//!
//! Nothing here knows Discord or the database: it turns plain values into bytes. Rendering
//! takes milliseconds to a few hundred; callers run it off the async workers.

mod chart;
mod fonts;
mod groups;
mod labels;
mod layout;
mod map;
mod shuffle;
mod svg;
mod words;

pub use chart::{StatsWords, stats_chart};
pub use map::{MapWords, network_map};
pub use words::PlainWords;

/// Every picture's size: what Discord shows of an image at full width, legible on a phone.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 900;

/// A rendered picture.
#[derive(Debug, Clone)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the drawing could not be read: {0}")]
    Drawing(String),
    #[error("the picture could not be encoded: {0}")]
    Encoding(String),
}

/// Renders an SVG document of [`WIDTH`] × [`HEIGHT`] to PNG, on white.
fn render(svg: &str) -> Result<Picture, PictureError> {
    use resvg::{tiny_skia, usvg};
    let options = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| PictureError::Drawing(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT)
        .ok_or_else(|| PictureError::Drawing("empty picture".to_owned()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let png = encode(&pixmap).map_err(|e| PictureError::Encoding(e.to_string()))?;
    Ok(Picture {
        png,
        width: WIDTH,
        height: HEIGHT,
    })
}

/// The picture as a PNG file: RGB (the background is opaque, so alpha would be all 255),
/// compressed with fdeflate's fast setting, which costs a fraction of zlib's default for a
/// file a little larger.
fn encode(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut file = Vec::new();
    let mut encoder = png::Encoder::new(&mut file, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(file)
}
