import "server-only";
import sharp from "sharp";

export const THUMBNAIL_TYPE = "image/webp";
const THUMBNAIL_BOX = 640;

/**
 * A still WebP at most 640 px on its longer side (the first frame of a GIF), turned upright by its
 * EXIF orientation, and the picture's upright size for laying out the thread before it loads.
 * Null when the image cannot be decoded (a format sharp lacks, e.g. HEVC-coded HEIC, or a damaged file).
 */
export async function makeThumbnail(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number } | null> {
  try {
    const image = sharp(bytes, { failOn: "none", limitInputPixels: 50_000_000 });
    const meta = await image.metadata();
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const data = await image
      .rotate()
      .resize({ width: THUMBNAIL_BOX, height: THUMBNAIL_BOX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 72 })
      .toBuffer();
    return { data, width: upright.width ?? 0, height: upright.height ?? 0 };
  } catch {
    return null;
  }
}
