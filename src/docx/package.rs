//! The zip container of a .docx, written and read by hand, with
//! `miniz_oxide` inflating deflated parts. Measured in a release wasm
//! (opt-level "z", LTO, gzip -9), the `zip` crate with flate2 added 129 KB
//! for the DOCX export and import together; this module and quick-xml add
//! 43 KB.
//!
//! Writing: parts are stored, not deflated. The sample report's .docx is
//! 32 KB stored and 9 KB deflated, and a deflate encoder would add another
//! 10 KB to the gzipped wasm; Word, WPS and LibreOffice open stored
//! entries like any other. Timestamps are fixed at 1980-01-01, so the same
//! document always gives the same bytes. Reading: the guards an import needs come first —
//! file size, old .doc and password-protected files (OLE containers) —
//! then the central directory (zip64 included) is read with bounds checks
//! on every field, each part is inflated no further than its declared size
//! and checked against its CRC-32, and the declared sizes of all parts
//! read together may not exceed [`MAX_UNPACKED_BYTES`] (zip bombs).

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::{DocxError, MAX_FILE_BYTES, MAX_UNPACKED_BYTES};

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_END_OF_DIRECTORY: u32 = 0x0606_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_EXTRA: u16 = 0x0001;
/// Compression methods: the writer stores, the reader also inflates.
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// General-purpose flags: bit 0 encrypted, bit 11 UTF-8 names.
const FLAG_ENCRYPTED: u16 = 1;
const FLAG_UTF8: u16 = 1 << 11;
/// MS-DOS date of 1980-01-01, the earliest a zip can hold.
const DOS_DATE_1980: u16 = (1 << 5) | 1;
/// Version needed to extract: 1.0 (stored); also "made by" MS-DOS 1.0.
const VERSION: u16 = 10;

/// Zips `parts` (path, content) in order, stored.
pub(crate) fn pack(parts: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let too_big = || DocxError::Write("文件超过 4 GB".to_string());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (path, content) in parts {
        let data = content.as_bytes();
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let header = Header {
            crc: crc32(data),
            size: u32::try_from(data.len()).map_err(|_| too_big())?,
            name: path,
        };
        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, VERSION);
        header.write(&mut out);
        out.extend_from_slice(path.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, VERSION); // made by
        put16(&mut central, VERSION);
        header.write(&mut central);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(path.as_bytes());
    }
    let directory_offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    let directory_size = u32::try_from(central.len()).map_err(|_| too_big())?;
    let count = u16::try_from(parts.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    put32(&mut out, END_OF_DIRECTORY);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // directory disk
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

/// The fields local and central headers share, from the flags to the
/// extra field length; the callers add what follows (the name, or more
/// central fields and then the name).
struct Header<'a> {
    crc: u32,
    size: u32,
    name: &'a str,
}

impl Header<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        put16(out, FLAG_UTF8);
        put16(out, STORED);
        put16(out, 0); // time 00:00
        put16(out, DOS_DATE_1980);
        put32(out, self.crc);
        put32(out, self.size); // compressed size: stored
        put32(out, self.size);
        put16(out, self.name.len() as u16);
        put16(out, 0); // extra field length
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE), table computed at compile time.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// The signature of an OLE compound file: old .doc files, and .docx files
/// saved with a password.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// One file listed in the central directory.
#[derive(Debug, Clone)]
struct Entry<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

/// An opened .docx whose parts are read against a shared budget of
/// unpacked bytes.
pub(crate) struct Package<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
    budget: u64,
}

impl<'a> Package<'a> {
    /// Checks the size and the kind of file, then reads the zip directory.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        Package::open_with_budget(bytes, MAX_UNPACKED_BYTES)
    }

    /// [`Package::open`] with another limit on unpacked bytes.
    pub(crate) fn open_with_budget(bytes: &'a [u8], budget: u64) -> Result<Package<'a>, DocxError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(DocxError::TooLarge { bytes: bytes.len() });
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(if is_encrypted_ooxml(bytes) {
                DocxError::Encrypted
            } else {
                DocxError::LegacyDoc
            });
        }
        let entries = directory(bytes).ok_or(DocxError::NotDocx)?;
        Ok(Package {
            bytes,
            entries,
            budget,
        })
    }

    /// The text of the part at `path` (part names compare without regard
    /// to ASCII case, as in OPC), or `None` if the archive has none.
    pub(crate) fn part(&mut self, path: &str) -> Result<Option<String>, DocxError> {
        let Some(entry) = self
            .entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(path.as_bytes()))
        else {
            return Ok(None);
        };
        if entry.flags & FLAG_ENCRYPTED != 0 {
            return Err(DocxError::Encrypted);
        }
        if entry.size > self.budget {
            return Err(DocxError::TooLargeUnpacked);
        }
        let data = unpack(self.bytes, entry)?;
        self.budget -= entry.size;
        let text = String::from_utf8(data).map_err(|_| DocxError::CorruptXml {
            part: path.to_string(),
            detail: "不是 UTF-8 编码".to_string(),
        })?;
        Ok(Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }))
    }
}

/// The data of `entry`, inflated and checked.
fn unpack(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, DocxError> {
    let at = usize::try_from(entry.offset).map_err(|_| DocxError::NotDocx)?;
    if read32(bytes, at) != Some(LOCAL_HEADER) {
        return Err(DocxError::NotDocx);
    }
    let name_len = read16(bytes, at + 26).ok_or(DocxError::NotDocx)?;
    let extra_len = read16(bytes, at + 28).ok_or(DocxError::NotDocx)?;
    let start = at + 30 + usize::from(name_len) + usize::from(extra_len);
    let length = usize::try_from(entry.compressed).map_err(|_| DocxError::NotDocx)?;
    let size = usize::try_from(entry.size).map_err(|_| DocxError::TooLargeUnpacked)?;
    let packed = start
        .checked_add(length)
        .and_then(|end| bytes.get(start..end))
        .ok_or(DocxError::NotDocx)?;
    let data = match entry.method {
        STORED => packed.to_vec(),
        DEFLATED => decompress_to_vec_with_limit(packed, size).map_err(|e| {
            if e.status == TINFLStatus::HasMoreOutput {
                // More data than the directory declared: a crafted archive.
                DocxError::TooLargeUnpacked
            } else {
                DocxError::NotDocx
            }
        })?,
        _ => return Err(DocxError::NotDocx),
    };
    if data.len() != size || crc32(&data) != entry.crc {
        return Err(DocxError::NotDocx);
    }
    Ok(data)
}

/// The central directory, or `None` if `bytes` is not a readable zip.
fn directory(bytes: &[u8]) -> Option<Vec<Entry<'_>>> {
    let end = find_end_of_directory(bytes)?;
    let mut count = u64::from(read16(bytes, end + 10)?);
    let mut offset = u64::from(read32(bytes, end + 16)?);
    if count == 0xFFFF || offset == 0xFFFF_FFFF {
        // Zip64: the locator sits right before the end record.
        let locator = end.checked_sub(20)?;
        if read32(bytes, locator)? != ZIP64_LOCATOR {
            return None;
        }
        let end64 = usize::try_from(read64(bytes, locator + 8)?).ok()?;
        if read32(bytes, end64)? != ZIP64_END_OF_DIRECTORY {
            return None;
        }
        count = read64(bytes, end64 + 32)?;
        offset = read64(bytes, end64 + 48)?;
    }
    let mut at = usize::try_from(offset).ok()?;
    // Each central header takes at least 46 bytes: a count the file cannot
    // hold is a lie, not a reason to allocate.
    if count > (bytes.len() / 46) as u64 {
        return None;
    }
    let mut entries = Vec::with_capacity(count as usize);
    for _ in 0..count {
        if read32(bytes, at)? != CENTRAL_HEADER {
            return None;
        }
        let name_len = usize::from(read16(bytes, at + 28)?);
        let extra_len = usize::from(read16(bytes, at + 30)?);
        let comment_len = usize::from(read16(bytes, at + 32)?);
        let name_at = at + 46;
        let extra = bytes.get(name_at + name_len..name_at + name_len + extra_len)?;
        let mut entry = Entry {
            name: bytes.get(name_at..name_at + name_len)?,
            flags: read16(bytes, at + 8)?,
            method: read16(bytes, at + 10)?,
            crc: read32(bytes, at + 16)?,
            compressed: u64::from(read32(bytes, at + 20)?),
            size: u64::from(read32(bytes, at + 24)?),
            offset: u64::from(read32(bytes, at + 42)?),
        };
        apply_zip64_extra(&mut entry, extra)?;
        entries.push(entry);
        at = name_at + name_len + extra_len + comment_len;
    }
    Some(entries)
}

/// Replaces the sizes and offset saturated at `0xFFFFFFFF` by the values
/// in the zip64 extra field, in the order the format lists them.
fn apply_zip64_extra(entry: &mut Entry, mut extra: &[u8]) -> Option<()> {
    let saturated = u64::from(u32::MAX);
    while extra.len() >= 4 {
        let id = read16(extra, 0)?;
        let len = usize::from(read16(extra, 2)?);
        let field = extra.get(4..4 + len)?;
        if id == ZIP64_EXTRA {
            let mut at = 0;
            for value in [&mut entry.size, &mut entry.compressed, &mut entry.offset] {
                if *value == saturated {
                    *value = read64(field, at)?;
                    at += 8;
                }
            }
        }
        extra = &extra[4 + len..];
    }
    Some(())
}

/// The position of the end-of-central-directory record: the last signature
/// in the final 64 KiB whose comment fits in the file (some downloads carry
/// trailing padding, so the comment need not end exactly at the end).
fn find_end_of_directory(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find(|&at| {
        read32(bytes, at) == Some(END_OF_DIRECTORY)
            && read16(bytes, at + 20).is_some_and(|c| at + 22 + usize::from(c) <= bytes.len())
    })
}

fn read16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn read32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn read64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        bytes.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// Whether an OLE file holds an encrypted OOXML package (its stream
/// directory names "EncryptedPackage", in UTF-16).
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-entry zip whose entry is deflated `data` but declares
    /// `declared` bytes unpacked (and `crc`).
    fn deflated_zip(name: &str, data: &[u8], declared: u32, crc: u32) -> Vec<u8> {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let mut out = Vec::new();
        let header = |out: &mut Vec<u8>| {
            put16(out, 0);
            put16(out, DEFLATED);
            put16(out, 0);
            put16(out, DOS_DATE_1980);
            put32(out, crc);
            put32(out, packed.len() as u32);
            put32(out, declared);
            put16(out, name.len() as u16);
            put16(out, 0);
        };
        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, 20);
        header(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        let directory = out.len() as u32;
        put32(&mut out, CENTRAL_HEADER);
        put16(&mut out, 20);
        put16(&mut out, 20);
        header(&mut out);
        // Comment length, disk, internal and external attributes, offset 0.
        out.extend_from_slice(&[0; 14]);
        out.extend_from_slice(name.as_bytes());
        let size = out.len() as u32 - directory;
        put32(&mut out, END_OF_DIRECTORY);
        out.extend_from_slice(&[0; 4]);
        put16(&mut out, 1);
        put16(&mut out, 1);
        put32(&mut out, size);
        put32(&mut out, directory);
        put16(&mut out, 0);
        out
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn written_parts_read_back_in_any_case() {
        let bytes = pack(&[("a.xml", "甲".into()), ("word/B.xml", "乙".into())]).unwrap();
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.part("word/b.xml").unwrap().as_deref(), Some("乙"));
        assert_eq!(package.part("a.xml").unwrap().as_deref(), Some("甲"));
        assert_eq!(package.part("c.xml").unwrap(), None);
    }

    #[test]
    fn deflated_parts_inflate() {
        let data = "正文".repeat(1000);
        let bytes = deflated_zip(
            "d.xml",
            data.as_bytes(),
            data.len() as u32,
            crc32(data.as_bytes()),
        );
        assert!(bytes.len() < 1000);
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.part("d.xml").unwrap(), Some(data));
    }

    #[test]
    fn a_part_larger_than_declared_is_a_bomb() {
        let data = vec![b' '; 100_000];
        let bytes = deflated_zip("d.xml", &data, 1000, crc32(&data));
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.part("d.xml"), Err(DocxError::TooLargeUnpacked));
    }

    #[test]
    fn a_wrong_checksum_is_a_damaged_file() {
        let data = b"<a/>";
        let bytes = deflated_zip("d.xml", data, 4, crc32(data) ^ 1);
        let mut package = Package::open(&bytes).unwrap();
        assert_eq!(package.part("d.xml"), Err(DocxError::NotDocx));
    }

    #[test]
    fn the_budget_covers_all_parts_together() {
        let bytes = pack(&[("a", "x".repeat(600)), ("b", "y".repeat(600))]).unwrap();
        let mut package = Package::open_with_budget(&bytes, 1000).unwrap();
        assert!(package.part("a").unwrap().is_some());
        assert_eq!(package.part("b"), Err(DocxError::TooLargeUnpacked));
    }

    #[test]
    fn a_directory_that_lies_about_its_entries_is_refused() {
        let mut bytes = pack(&[("a", "x".into())]).unwrap();
        let end = bytes.len() - 22;
        bytes[end + 8..end + 12].copy_from_slice(&[0xFF, 0xFE, 0xFF, 0xFE]);
        assert_eq!(Package::open(&bytes).err(), Some(DocxError::NotDocx));
    }

    #[test]
    fn zip64_extra_fields_replace_saturated_values_in_order() {
        let mut entry = Entry {
            name: b"a",
            flags: 0,
            method: STORED,
            crc: 0,
            compressed: 10,
            size: u64::from(u32::MAX),
            offset: u64::from(u32::MAX),
        };
        let mut extra = Vec::new();
        put16(&mut extra, 0x5455); // an unrelated field first
        put16(&mut extra, 1);
        extra.push(0);
        put16(&mut extra, ZIP64_EXTRA);
        put16(&mut extra, 16);
        extra.extend_from_slice(&5_000_000_000u64.to_le_bytes());
        extra.extend_from_slice(&7u64.to_le_bytes());
        assert_eq!(apply_zip64_extra(&mut entry, &extra), Some(()));
        assert_eq!(
            (entry.size, entry.compressed, entry.offset),
            (5_000_000_000, 10, 7)
        );
        assert_eq!(
            apply_zip64_extra(&mut entry, &extra[..9]),
            None,
            "truncated"
        );
    }
}
