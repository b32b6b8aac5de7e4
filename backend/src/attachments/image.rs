//! Photos as people send them, made safe to store and show: decoded (JPEG,
//! PNG or WebP only, within size limits so a small file cannot claim
//! gigabytes of pixels), turned upright by their EXIF orientation, scaled
//! to a display size and a thumbnail, and re-encoded as JPEG. Nothing of
//! the original file is kept, so its metadata (EXIF, GPS position, camera)
//! is gone.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, Limits};
use palier_domain::attachments::MAX_PHOTO_BYTES;
use std::io::Cursor;

/// The longest side of the display variant, in pixels.
pub const DISPLAY_SIDE: u32 = 1_280;
/// The longest side of the thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 320;
/// The widest or highest image decoded.
const MAX_SIDE: u32 = 10_000;
/// The most pixels decoded: 40 megapixels, more than phones take. A small
/// file of one colour can claim far more, and would take gigabytes to decode.
const MAX_PIXELS: u64 = 40_000_000;
/// Memory a decoder may take.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// JPEG quality of what is stored.
const QUALITY: u8 = 82;

/// Why a file is not a photo we take; each has a message for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the file is larger than the limit")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("the image could not be read")]
    Unreadable,
    #[error("the image has too many pixels")]
    TooManyPixels,
}

impl PhotoError {
    /// The id of the message that explains it.
    pub fn message(self) -> &'static str {
        match self {
            PhotoError::TooLarge => "error-photo-too-large",
            PhotoError::NotAnImage => "error-photo-type",
            PhotoError::Unreadable => "error-photo-unreadable",
            PhotoError::TooManyPixels => "error-photo-pixels",
        }
    }
}

/// A photo made ready to store: both variants as JPEG.
#[derive(Debug, Clone)]
pub struct Processed {
    pub display: Vec<u8>,
    pub thumb: Vec<u8>,
    /// Of the display variant.
    pub width: u32,
    pub height: u32,
    pub display_bytes: u64,
}

/// Decodes `bytes` and re-encodes them (CPU-bound: call it off the async
/// executor, e.g. in `spawn_blocking`).
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge);
    }
    // The format from the file's first bytes, never from its name or type.
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(PhotoError::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(classify)?;
    picture.apply_orientation(orientation);
    let display = shrink(&picture, DISPLAY_SIDE);
    let thumb = shrink(&display, THUMB_SIDE);
    let (width, height) = (display.width(), display.height());
    let display = jpeg(&display)?;
    let thumb = jpeg(&thumb)?;
    let display_bytes = u64::try_from(display.len()).unwrap_or(u64::MAX);
    Ok(Processed { display, thumb, width, height, display_bytes })
}

/// Photos decoded at once: one per core, so photos sent together take
/// turns instead of the server's memory.
static TURNS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
});

/// [`process`] on a thread for blocking work, one photo per core at a
/// time, so the server's async threads keep serving while photos decode.
pub async fn process_off_thread(bytes: Vec<u8>) -> anyhow::Result<Result<Processed, PhotoError>> {
    use anyhow::Context as _;
    let _turn = TURNS.acquire().await.context("the photo decoding turns are closed")?;
    tokio::task::spawn_blocking(move || process(&bytes)).await.context("a photo's decoding task failed")
}

fn classify(error: image::ImageError) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        _ => PhotoError::Unreadable,
    }
}

/// `picture` with its longest side at most `side` (never enlarged).
fn shrink(picture: &DynamicImage, side: u32) -> DynamicImage {
    if picture.width() <= side && picture.height() <= side {
        picture.clone()
    } else {
        picture.resize(side, side, FilterType::Triangle)
    }
}

/// `picture` as a JPEG, its transparency (PNG, WebP) laid on white.
fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let rgb = if picture.color().has_alpha() {
        let rgba = picture.to_rgba8();
        let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
        for (out, pixel) in rgb.pixels_mut().zip(rgba.pixels()) {
            let alpha = u16::from(pixel[3]);
            for channel in 0..3 {
                let over_white = (u16::from(pixel[channel]) * alpha + 255 * (255 - alpha)) / 255;
                out[channel] = u8::try_from(over_white).unwrap_or(u8::MAX);
            }
        }
        rgb
    } else {
        picture.to_rgb8()
    };
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, QUALITY).encode_image(&rgb).map_err(|_| PhotoError::Unreadable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `width` × `height` pixels, red fading to blue.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbaImage::from_fn(width, height, |x, _| {
            image::Rgba([u8::try_from(x % 256).unwrap_or(0), 0, 200, if x < 4 { 0 } else { 255 }])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(picture).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn a_large_photo_becomes_two_smaller_jpegs() {
        let processed = process(&png(2_000, 1_000)).unwrap();
        assert_eq!((processed.width, processed.height), (1_280, 640));
        for variant in [&processed.display, &processed.thumb] {
            assert_eq!(image::guess_format(variant).unwrap(), ImageFormat::Jpeg);
        }
        let thumb = image::load_from_memory(&processed.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (320, 160));
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn metadata_is_gone() {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&image::RgbImage::new(64, 48)).unwrap();
        // An EXIF segment (APP1) right after the start of the image, with a position in it.
        let payload = b"Exif\0\0MM\0*\0\0\0\x08\0\0GPS 45.7640N 4.8357E";
        let mut with_exif = jpeg[..2].to_vec();
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        with_exif.extend_from_slice(payload);
        with_exif.extend_from_slice(&jpeg[2..]);
        assert!(contains(&with_exif, b"GPS 45.7640N"));
        let processed = process(&with_exif).unwrap();
        assert_eq!((processed.width, processed.height), (64, 48));
        for variant in [&processed.display, &processed.thumb] {
            assert!(!contains(variant, b"Exif") && !contains(variant, b"GPS"));
        }
    }

    #[test]
    fn a_small_photo_keeps_its_size() {
        let processed = process(&png(200, 100)).unwrap();
        assert_eq!((processed.width, processed.height), (200, 100));
    }

    #[test]
    fn what_is_not_a_photo_says_why() {
        assert_eq!(process(b"%PDF-1.7 not an image").unwrap_err(), PhotoError::NotAnImage);
        let mut truncated = png(300, 300);
        truncated.truncate(truncated.len() / 2);
        assert_eq!(process(&truncated).unwrap_err(), PhotoError::Unreadable);
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert_eq!(process(gif).unwrap_err(), PhotoError::NotAnImage);
        let huge = vec![0xFFu8; usize::try_from(MAX_PHOTO_BYTES).unwrap() + 1];
        assert_eq!(process(&huge).unwrap_err(), PhotoError::TooLarge);
    }

    /// A valid PNG header (with its checksum) that claims `width` × `height` pixels.
    fn claiming(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFFu32;
            for byte in bytes {
                crc ^= u32::from(*byte);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                }
            }
            !crc
        }
        let mut png = png(1, 1);
        png[16..20].copy_from_slice(&width.to_be_bytes());
        png[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        png
    }

    #[test]
    fn a_file_claiming_too_many_pixels_is_refused_before_decoding() {
        assert_eq!(process(&claiming(20_000, 20_000)).unwrap_err(), PhotoError::TooManyPixels);
        // Within each side's limit, too many pixels all the same.
        assert_eq!(process(&claiming(9_000, 9_000)).unwrap_err(), PhotoError::TooManyPixels);
        // A claim within the limits is read, and found short of its pixels.
        assert_eq!(process(&claiming(4_000, 3_000)).unwrap_err(), PhotoError::Unreadable);
    }
}
