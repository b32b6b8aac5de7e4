//! Attachments: files people add to content (photos of a project, of its
//! progress; later minutes' PDFs). The server decodes and re-encodes every
//! image, so what is stored carries no metadata (EXIF, GPS).

use crate::discussion::Moderation;
use crate::ids::AttachmentId;
use serde::{Deserialize, Serialize};

/// The largest photo accepted, as sent.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;
/// The kinds of image accepted (the file input's `accept`).
pub const PHOTO_TYPES: &str = "image/jpeg,image/png,image/webp";

crate::wire_enum! {
    /// The sizes a photo is kept in.
    pub enum Variant {
        /// For the page: at most 1,280 pixels wide or high.
        Display,
        /// For lists: at most 320 pixels.
        Thumb,
    }
}

crate::wire_enum! {
    /// What an attachment belongs to.
    pub enum Owner {
        Project,
        /// A step of a project's timeline (progress with photos).
        ProjectEvent,
    }
}

/// A photo chosen in a file input: not too large (`size` in bytes; none
/// chosen is fine, photos are optional).
pub fn photo_size(size: Option<u64>) -> Result<(), &'static str> {
    match size {
        Some(size) if size > MAX_PHOTO_BYTES => Err("error-photo-too-large"),
        _ => Ok(()),
    }
}

/// A photo as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub id: AttachmentId,
    /// Of the display variant, in pixels (so the page keeps its place).
    pub width: u32,
    pub height: u32,
    pub moderation: Moderation,
    /// The viewer reported it.
    pub reported: bool,
}

impl Photo {
    /// Its address in `variant`.
    pub fn url(&self, variant: Variant) -> String {
        format!("/pieces-jointes/{}/{}", self.id, variant.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_ten_megabytes_at_most() {
        assert_eq!(photo_size(None), Ok(()));
        assert_eq!(photo_size(Some(MAX_PHOTO_BYTES)), Ok(()));
        assert_eq!(photo_size(Some(MAX_PHOTO_BYTES + 1)), Err("error-photo-too-large"));
    }
}
