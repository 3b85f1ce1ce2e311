// Uploadable content types, as listed by the spec's uploadMediaRequest.
export const MEDIA_CONTENT_TYPES = [
  "application/json", "application/ogg", "application/pdf", "application/rtf", "application/zip", "application/x-tar",
  "application/xml", "application/gzip", "application/x-bzip2", "application/x-gzip", "application/smil", "application/javascript",
  "audio/mp4", "audio/mpeg", "audio/ogg", "audio/flac", "audio/webm", "audio/wav", "audio/amr", "audio/3gpp",
  "image/bmp", "image/gif", "image/heic", "image/heif", "image/jpeg", "image/pjpeg", "image/png", "image/svg+xml", "image/tiff",
  "image/webp", "image/x-icon", "text/css", "text/csv", "text/calendar", "text/html", "text/plain", "text/javascript", "text/vcard",
  "text/vnd.wap.wml", "text/xml", "video/avi", "video/mp4", "video/mpeg", "video/ogg", "video/quicktime", "video/webm",
  "video/x-ms-wmv", "video/x-flv",
] as const;
