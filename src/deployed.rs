//! Names that the deploy build (`src/deploy/`, native) and the app in the
//! browser (`src/ui/`) agree on.

/// The single-file edition's name beside the site's `index.html`, where
/// the page offers it for download when it is served without a secure
/// context. A fixed name: the app links to it.
pub const SINGLE_FILE: &str = "baogao-offline.html";

/// The `name` of the `<meta>` whose `content` is the address of the tools
/// worker's loader: a hashed file on a server, a Blob URL in the single
/// file.
pub const TOOLS_META: &str = "baogao-tools";
