//! Attachments: the files people add to content (photos of a project and
//! of its progress; the council minutes' files later), one mechanism for
//! every feature.
//!
//! - Photos are decoded and re-encoded here ([`image::process`]): what is
//!   stored is a JPEG in two sizes that carries no metadata (EXIF, GPS), and
//!   a file that is not a JPEG, PNG or WebP image is refused with a reason.
//! - Files live in a [`Store`]: the data directory today ([`FileStore`]), an
//!   S3-compatible store later, behind the same trait.
//! - A row of `attachments` says what a file belongs to (its owner), and
//!   whether moderation hides it. Who may read it is the owner's rule: a
//!   project's photos are read by whoever may see the project.

pub mod image;

use crate::entities::attachment;
use chrono::{DateTime, Utc};
use palier_domain::attachments::{Owner, Photo, Variant};
use palier_domain::discussion::Moderation;
use palier_domain::ids::AttachmentId;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    QueryFilter as _, QueryOrder as _,
};
use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

/// A future a [`Store`] returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// Where attachments' files are kept. Keys are random and never reused; a
/// file, once written, never changes.
pub trait Store: Send + Sync + 'static {
    fn put(&self, key: String, variant: Variant, bytes: Vec<u8>) -> StoreFuture<'_, ()>;
    /// The file, or `None` when there is none.
    fn get(&self, key: String, variant: Variant) -> StoreFuture<'_, Option<Vec<u8>>>;
    /// Removes every variant of `key` (none is fine).
    fn delete(&self, key: String) -> StoreFuture<'_, ()>;
}

/// Files in a directory: `<dir>/<key>-<variant>.jpg`.
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir`, created when missing.
    pub fn new(dir: impl Into<PathBuf>) -> io::Result<Self> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)?;
        Ok(Self { dir })
    }

    fn path(&self, key: &str, variant: Variant) -> io::Result<PathBuf> {
        // Keys are ours (hex), but a path is never built from anything else.
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not an attachment key"));
        }
        Ok(self.dir.join(format!("{key}-{}.jpg", variant.code())))
    }
}

impl Store for FileStore {
    fn put(&self, key: String, variant: Variant, bytes: Vec<u8>) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            let path = self.path(&key, variant)?;
            // Written whole, then moved into place: a reader never sees half a file.
            let partial = path.with_extension("part");
            tokio::fs::write(&partial, bytes).await?;
            tokio::fs::rename(&partial, &path).await
        })
    }

    fn get(&self, key: String, variant: Variant) -> StoreFuture<'_, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(&key, variant)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            }
        })
    }

    fn delete(&self, key: String) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            for variant in [Variant::Display, Variant::Thumb] {
                match tokio::fs::remove_file(self.path(&key, variant)?).await {
                    Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                    _ => {}
                }
            }
            Ok(())
        })
    }
}

/// No store: every call fails (for work that adds no file, such as the demo).
pub struct NoStore;

impl Store for NoStore {
    fn put(&self, _: String, _: Variant, _: Vec<u8>) -> StoreFuture<'_, ()> {
        Box::pin(async { Err(io::Error::other("no attachments store")) })
    }

    fn get(&self, _: String, _: Variant) -> StoreFuture<'_, Option<Vec<u8>>> {
        Box::pin(async { Err(io::Error::other("no attachments store")) })
    }

    fn delete(&self, _: String) -> StoreFuture<'_, ()> {
        Box::pin(async { Err(io::Error::other("no attachments store")) })
    }
}

/// The attachments of a server: its store, shared.
#[derive(Clone)]
pub struct Attachments(Arc<dyn Store>);

impl Attachments {
    pub fn new(store: impl Store) -> Self {
        Self(Arc::new(store))
    }

    pub fn store(&self) -> &dyn Store {
        self.0.as_ref()
    }
}

/// A photo as it was sent: its bytes, not yet decoded.
pub struct NewPhoto(pub Vec<u8>);

/// Why photos could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum PhotoFailure {
    /// A file is not a photo we take (the person is told which problem).
    #[error(transparent)]
    Photo(#[from] image::PhotoError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// Decodes and re-encodes `photos` (call it once the person is known to be
/// allowed: decoding is the costly part), writes their files to the store
/// under new keys and returns the rows to insert with [`attach`] in the
/// caller's transaction. Files whose transaction then fails stay behind,
/// unreferenced and never shown.
pub async fn store_photos(attachments: &Attachments, photos: Vec<NewPhoto>) -> Result<Vec<Stored>, PhotoFailure> {
    let mut processed = Vec::with_capacity(photos.len());
    for NewPhoto(bytes) in photos {
        processed.push(image::process_off_thread(bytes).await??);
    }
    let mut stored = Vec::with_capacity(processed.len());
    for photo in processed {
        let key = crate::auth::secret::new_token().plain;
        let put = async {
            attachments.store().put(key.clone(), Variant::Display, photo.display).await?;
            attachments.store().put(key.clone(), Variant::Thumb, photo.thumb).await
        };
        put.await.map_err(|error| anyhow::Error::new(error).context("the attachments store failed"))?;
        stored.push(Stored { key, width: photo.width, height: photo.height, bytes: photo.display_bytes });
    }
    Ok(stored)
}

/// A photo whose files are in the store.
pub struct Stored {
    pub key: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

/// Records `stored` photos as attachments of `owner` (after any it has).
pub async fn attach<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    owner: (Owner, i64),
    uploaded_by: Option<i64>,
    stored: Vec<Stored>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let first = attachment::Entity::find()
        .filter(attachment::Column::OwnerKind.eq(owner.0.code()))
        .filter(attachment::Column::OwnerId.eq(owner.1))
        .all(conn)
        .await?
        .len();
    for (offset, photo) in stored.into_iter().enumerate() {
        attachment::ActiveModel {
            organisation_id: Set(organisation_id),
            owner_kind: Set(owner.0.code().to_owned()),
            owner_id: Set(owner.1),
            position: Set(i32::try_from(first + offset).unwrap_or(i32::MAX)),
            storage_key: Set(photo.key),
            media_type: Set("image/jpeg".to_owned()),
            width: Set(i32::try_from(photo.width).unwrap_or(i32::MAX)),
            height: Set(i32::try_from(photo.height).unwrap_or(i32::MAX)),
            bytes: Set(i64::try_from(photo.bytes).unwrap_or(i64::MAX)),
            moderation: Set(Moderation::Visible.code().to_owned()),
            uploaded_by_user_id: Set(uploaded_by),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The photos of owners of one kind, by owner id, in order; `reported`
/// are the ones the viewer reported.
pub async fn photos_of<C: ConnectionTrait>(
    conn: &C,
    kind: Owner,
    owners: &[i64],
    reported: &[i64],
) -> Result<Vec<(i64, Photo)>, DbErr> {
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    let rows = attachment::Entity::find()
        .filter(attachment::Column::OwnerKind.eq(kind.code()))
        .filter(attachment::Column::OwnerId.is_in(owners.iter().copied()))
        .order_by_asc(attachment::Column::OwnerId)
        .order_by_asc(attachment::Column::Position)
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let photo = Photo {
                id: AttachmentId::new(row.id),
                width: u32::try_from(row.width).unwrap_or_default(),
                height: u32::try_from(row.height).unwrap_or_default(),
                moderation: row.moderation.parse().unwrap_or(Moderation::Hidden),
                reported: reported.contains(&row.id),
            };
            (row.owner_id, photo)
        })
        .collect())
}
