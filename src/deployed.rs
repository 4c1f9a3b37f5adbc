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

/// The `name` of the `<meta>` whose `content` is the address of the English
/// interface's catalogue file (see `crate::i18n::file`), a hashed file
/// beside the page; and the `id` of the `<script type="application/json">`
/// that holds the file's text in the single file, which fetches nothing.
pub const CATALOGUE_EN: &str = "baogao-catalogue-en";

/// The English catalogue file's name in trunk's output (written by the
/// hook in `Trunk.toml`), which a build without the deploy step
/// (`trunk serve`) serves as it is; the deploy build names its copy
/// `catalogue-en-<hash>.json`.
pub const CATALOGUE_EN_FILE: &str = "catalogue-en.json";
