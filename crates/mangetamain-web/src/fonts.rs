//! The app's fonts, embedded in the binary so that pages look the same offline: Michroma
//! (titles) and Inter 400 / 600 / 700 (text), latin subsets (French accents included), taken
//! from the Fontsource npm packages `@fontsource/michroma` and `@fontsource/inter` 5.3.0. Both
//! are under the SIL Open Font License 1.1 (`assets/fonts/*-OFL.txt`).

/// One embedded font file.
pub struct Font {
    /// File name under `/static/fonts/`.
    pub file: &'static str,
    /// The WOFF2 bytes.
    pub bytes: &'static [u8],
}

/// Every embedded font.
pub const FONTS: [Font; 4] = [
    Font {
        file: "michroma-latin-400-normal.woff2",
        bytes: include_bytes!("../assets/fonts/michroma-latin-400-normal.woff2"),
    },
    Font {
        file: "inter-latin-400-normal.woff2",
        bytes: include_bytes!("../assets/fonts/inter-latin-400-normal.woff2"),
    },
    Font {
        file: "inter-latin-600-normal.woff2",
        bytes: include_bytes!("../assets/fonts/inter-latin-600-normal.woff2"),
    },
    Font {
        file: "inter-latin-700-normal.woff2",
        bytes: include_bytes!("../assets/fonts/inter-latin-700-normal.woff2"),
    },
];

/// The `@font-face` rules of [`FONTS`], put at the top of the app's CSS.
pub const FONT_FACES: &str = "\
@font-face{font-family:Michroma;font-style:normal;font-weight:400;font-display:swap;src:url(/static/fonts/michroma-latin-400-normal.woff2) format('woff2')}
@font-face{font-family:Inter;font-style:normal;font-weight:400;font-display:swap;src:url(/static/fonts/inter-latin-400-normal.woff2) format('woff2')}
@font-face{font-family:Inter;font-style:normal;font-weight:600;font-display:swap;src:url(/static/fonts/inter-latin-600-normal.woff2) format('woff2')}
@font-face{font-family:Inter;font-style:normal;font-weight:700;font-display:swap;src:url(/static/fonts/inter-latin-700-normal.woff2) format('woff2')}
";

/// The embedded font called `file`, if any.
pub fn by_file(file: &str) -> Option<&'static Font> {
    FONTS.iter().find(|font| font.file == file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_points_at_an_embedded_woff2_file() {
        for font in &FONTS {
            assert!(font.bytes.starts_with(b"wOF2"), "{}", font.file);
            assert!(FONT_FACES.contains(&format!("/static/fonts/{}", font.file)));
        }
        assert_eq!(FONT_FACES.matches("@font-face").count(), FONTS.len());
        assert!(by_file("nope.woff2").is_none());
    }
}
