//! What summering was doing when the file system said no, as a typed value
//! whose words are in the catalogue: an I/O error reads "kunde inte läsa
//! filen: …" in Swedish, not an English verb inside a Swedish sentence.

use crate::messages::{Message, MessageId};

/// What could not be done to a file or folder ([`super::SiteError::io`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IoAction {
    /// Reading a file (a content file, a theme file, the deck to import).
    ReadFile,
    /// Writing a file.
    WriteFile,
    /// Listing what a folder holds.
    ListFolder,
    /// Creating a folder.
    CreateFolder,
    /// Creating the staging folder of a new build beside the output folder.
    CreateBuild,
    /// Copying a kept file (like `.git` or `CNAME`) into the new build.
    KeepFile,
    /// Taking the lock that keeps two builds out of one output folder.
    LockOutput,
    /// Renaming the new build into place.
    PutBuildInPlace,
    /// Renaming a new year folder (from `new` or `import`) into place.
    PutYearInPlace,
    /// Opening an archive package.
    OpenPackage,
    /// Writing an archive package.
    WritePackage,
    /// Renaming an archive package into place.
    PutPackageInPlace,
}

impl IoAction {
    /// The action's words ("read the file", "läsa filen").
    pub fn words(self) -> MessageId {
        match self {
            IoAction::ReadFile => MessageId::IoReadFile,
            IoAction::WriteFile => MessageId::IoWriteFile,
            IoAction::ListFolder => MessageId::IoListFolder,
            IoAction::CreateFolder => MessageId::IoCreateFolder,
            IoAction::CreateBuild => MessageId::IoCreateBuild,
            IoAction::KeepFile => MessageId::IoKeepFile,
            IoAction::LockOutput => MessageId::IoLockOutput,
            IoAction::PutBuildInPlace => MessageId::IoPutBuildInPlace,
            IoAction::PutYearInPlace => MessageId::IoPutYearInPlace,
            IoAction::OpenPackage => MessageId::IoOpenPackage,
            IoAction::WritePackage => MessageId::IoWritePackage,
            IoAction::PutPackageInPlace => MessageId::IoPutPackageInPlace,
        }
    }

    /// "could not read the file: it does not exist", for an error whose file
    /// is named some other way than [`super::SiteError::io`] names it.
    pub fn failed(self, err: &std::io::Error) -> Message {
        Message::new(MessageId::FrameIo)
            .message("action", self.words())
            .message("reason", reason(err))
    }
}

/// Why, in the catalogue's words for the reasons an editor can act on (the
/// file is not there, may not be read, exists already), else the system's own
/// text, which is all there is for the rarer ones.
fn reason(err: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    let id = match err.kind() {
        K::NotFound => MessageId::IoNotFound,
        K::PermissionDenied => MessageId::IoPermissionDenied,
        K::AlreadyExists => MessageId::IoAlreadyExists,
        K::IsADirectory => MessageId::IoIsAFolder,
        K::NotADirectory => MessageId::IoNotAFolder,
        _ => return Message::new(MessageId::IoSystem).arg("error", err),
    };
    Message::new(id)
}
