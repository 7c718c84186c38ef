//! A file field of a multipart form, read up to the document size limit of the settings.
//! A larger file is not refused by Rocket (that would lose the whole form) but arrives as
//! "too large", so that the form can come back with everything else kept.

use rocket::data::ToByteUnit;
use rocket::form::{self, DataField, FromFormField, ValueField};

use crate::Settings;
use crate::domain::document::Upload;

/// The uploaded file; an empty one when none was chosen.
#[derive(Debug, Default)]
pub struct FileField(pub Upload);

#[rocket::async_trait]
impl<'v> FromFormField<'v> for FileField {
    /// A browser sends an empty text part when no file was chosen.
    fn from_value(_field: ValueField<'v>) -> form::Result<'v, Self> {
        Ok(FileField(Upload::default()))
    }

    async fn from_data(field: DataField<'v, '_>) -> form::Result<'v, Self> {
        let max = field
            .request
            .rocket()
            .state::<Settings>()
            .map_or(Settings::default().document_max_bytes, |s| {
                s.document_max_bytes
            });
        let name = field
            .file_name
            .map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_owned())
            .unwrap_or_default();
        let read = field.data.open(max.bytes()).into_bytes().await?;
        let upload = if read.is_complete() {
            Upload {
                name,
                bytes: read.into_inner(),
                too_large: false,
            }
        } else {
            Upload {
                name,
                bytes: Vec::new(),
                too_large: true,
            }
        };
        Ok(FileField(upload))
    }
}
