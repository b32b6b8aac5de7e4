//! The addresses of the site's static files — the stylesheet, the
//! JavaScript and the wasm of the islands — found once per process.
//!
//! Builds by cargo-leptos put a content hash in their names
//! (`hash-files = true` in Cargo.toml: `palier.<hash>.css`) and write the
//! hashes to `hash.txt` next to the executable. A hashed file never changes,
//! so the server lets browsers keep it for a year (`immutable`); a new build
//! has new names, so nobody is served yesterday's stylesheet. Without the
//! hash file (the test binaries, a plain `cargo build`) the plain names are
//! used and revalidated on each use.

use std::path::Path;
use std::sync::OnceLock;

/// The file names in the site's `pkg` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    pub stylesheet: String,
    pub script: String,
    pub wasm: String,
    /// Whether the names carry a content hash.
    pub hashed: bool,
}

/// The directory the files are served from.
pub const PKG: &str = "/pkg";

static ASSETS: OnceLock<Assets> = OnceLock::new();

impl Assets {
    /// The names without hash, as `cargo leptos build` writes them without `hash-files`.
    pub fn plain() -> Self {
        Self { stylesheet: "palier.css".into(), script: "palier.js".into(), wasm: "palier.wasm".into(), hashed: false }
    }

    /// The names listed in `hashes` (cargo-leptos's `hash.txt`: `css: <hash>`
    /// lines), when the files exist in `pkg_dir`; the plain names otherwise
    /// (a hash file left by an older build names files that are gone).
    pub fn from_hashes(hashes: &str, pkg_dir: &Path) -> Self {
        let hash_of = |kind: &str| {
            hashes
                .lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(k, _)| k.trim() == kind)
                .map(|(_, v)| v.trim())
        };
        let (Some(css), Some(js), Some(wasm)) = (hash_of("css"), hash_of("js"), hash_of("wasm")) else {
            return Self::plain();
        };
        let hashed = Self {
            stylesheet: format!("palier.{css}.css"),
            script: format!("palier.{js}.js"),
            wasm: format!("palier.{wasm}.wasm"),
            hashed: true,
        };
        let present =
            [&hashed.stylesheet, &hashed.script, &hashed.wasm].iter().all(|name| pkg_dir.join(name).is_file());
        if present { hashed } else { Self::plain() }
    }

    /// Finds the names for the site in `site_root` (once per process; later
    /// calls keep the first answer) and returns them.
    pub fn install(site_root: &Path) -> &'static Self {
        ASSETS.get_or_init(|| {
            let hashes = std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
                .and_then(|path| std::fs::read_to_string(path).ok());
            match hashes {
                Some(hashes) => Self::from_hashes(&hashes, &site_root.join("pkg")),
                None => Self::plain(),
            }
        })
    }

    /// The names found at start-up (the plain ones before that).
    pub fn current() -> &'static Self {
        ASSETS.get_or_init(Self::plain)
    }

    /// The stylesheet's address.
    pub fn stylesheet_href(&self) -> String {
        format!("{PKG}/{}", self.stylesheet)
    }

    /// The addresses of the islands' JavaScript and wasm.
    pub fn bundle_hrefs(&self) -> (String, String) {
        (format!("{PKG}/{}", self.script), format!("{PKG}/{}", self.wasm))
    }

    /// Whether `file` (a name in `pkg`) is one of the hashed files, which
    /// never change.
    pub fn is_immutable(&self, file: &str) -> bool {
        self.hashed && [&self.stylesheet, &self.script, &self.wasm].iter().any(|name| *name == file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_used_only_when_the_files_exist() {
        let dir = std::env::temp_dir().join(format!("palier-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let hashes = "js: AbC\nwasm: dEf\ncss: x_Y\n";
        assert_eq!(Assets::from_hashes(hashes, &dir), Assets::plain(), "no files yet");
        for name in ["palier.AbC.js", "palier.dEf.wasm", "palier.x_Y.css"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let assets = Assets::from_hashes(hashes, &dir);
        assert_eq!(assets.stylesheet_href(), "/pkg/palier.x_Y.css");
        assert_eq!(assets.bundle_hrefs(), ("/pkg/palier.AbC.js".to_owned(), "/pkg/palier.dEf.wasm".to_owned()));
        assert!(assets.is_immutable("palier.dEf.wasm"));
        assert!(!assets.is_immutable("palier.wasm"));
        assert!(!Assets::plain().is_immutable("palier.css"));
        assert_eq!(Assets::from_hashes("js: AbC\n", &dir), Assets::plain(), "an incomplete hash file");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
