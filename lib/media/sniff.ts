/**
 * The content type of a file from its first bytes (magic numbers), never from its name or a
 * header alone: a sender cannot make an HTML page pass for a picture. Text formats that MMS
 * carries (vCard, iCalendar, SMIL, XML, plain text) are recognised from their opening text.
 * Pure; shared by the inbound download job and the upload route.
 */
export function sniffContentType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((value, index) => bytes[offset + index] === value);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((char) => char.charCodeAt(0)));

  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(0, "RIFF") && ascii(8, "WAVE")) return "audio/wav";
  if (ascii(0, "RIFF") && ascii(8, "AVI ")) return "video/avi";
  if (ascii(0, "BM") && bytes.length > 14) return "image/bmp";
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return "image/tiff";
  if (at(0, 0x00, 0x00, 0x01, 0x00)) return "image/x-icon";
  if (ascii(4, "ftyp")) return isoMediaType(String.fromCharCode(...bytes.slice(8, 12)));
  if (ascii(0, "%PDF-")) return "application/pdf";
  if (ascii(0, "#!AMR")) return "audio/amr";
  if (ascii(0, "OggS")) return oggType(bytes);
  if (ascii(0, "fLaC")) return "audio/flac";
  if (ascii(0, "ID3") || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return "audio/mpeg";
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return "video/webm";
  if (at(0, 0x00, 0x00, 0x01, 0xba) || at(0, 0x00, 0x00, 0x01, 0xb3)) return "video/mpeg";
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return "application/zip";
  if (at(0, 0x1f, 0x8b)) return "application/gzip";
  if (ascii(0, "{\\rtf")) return "application/rtf";
  return sniffText(bytes);
}

function isoMediaType(brand: string): string {
  if (["heic", "heix", "heim", "heis", "hevc", "hevx"].includes(brand)) return "image/heic";
  if (["mif1", "msf1"].includes(brand)) return "image/heif";
  if (brand === "avif") return "image/avif";
  if (brand.startsWith("3gp") || brand.startsWith("3g2")) return "video/3gpp";
  if (brand === "qt  ") return "video/quicktime";
  if (brand === "M4A " || brand === "M4B ") return "audio/mp4";
  return "video/mp4";
}

function oggType(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.slice(0, 64));
  if (head.includes("theora")) return "video/ogg";
  return "audio/ogg";
}

function sniffText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(0, 4096));
  } catch (error) {
    // A multi-byte character cut at the 4096th byte is still text.
    if (bytes.length <= 4096) return null;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(0, 4093));
    } catch {
      void error;
      return null;
    }
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  const head = text.replace(/^\uFEFF/, "").trimStart();
  const upper = head.slice(0, 200).toUpperCase();
  if (upper.startsWith("BEGIN:VCARD")) return "text/vcard";
  if (upper.startsWith("BEGIN:VCALENDAR")) return "text/calendar";
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+smil[^>]*>\s*)?<smil[\s>]/i.test(head.slice(0, 2000)))
    return "application/smil";
  if (/^<\?xml/i.test(head)) return "text/xml";
  if (/^<svg[\s>]/i.test(head)) return "image/svg+xml";
  if (/^<(!DOCTYPE\s+html|html|head|body|script)[\s>]/i.test(head)) return "text/html";
  return "text/plain";
}
