import { open } from 'node:fs/promises';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Reads how many bytes it takes, in growing steps: PNG, GIF, WebP and most SVG say their size in the
 * first few hundred bytes; a JPEG's size comes after its EXIF block, which may be large. A site with
 * thousands of photos should not read every photo whole on every build.
 */
const STEPS = [4096, 65536, 1 << 20, 16 << 20];

/**
 * The width and height an image is shown at, or undefined when it cannot be told (not an image, an
 * SVG without a size, a broken file). A JPEG that its EXIF says to rotate by 90° is shown turned, so
 * its sides are swapped, as browsers do.
 */
export async function measureImage(file: string): Promise<ImageSize | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  // Loaded when the first image is measured: most builds measure none (the catalog knows them).
  const { imageSize } = await import('image-size');
  try {
    const length = (await handle.stat()).size;
    for (const step of STEPS) {
      const buffer = new Uint8Array(Math.min(step, length));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const size = sizeOf(imageSize, buffer.subarray(0, bytesRead));
      if (size) return size;
      if (step >= length) return undefined;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

function sizeOf(imageSize: typeof import('image-size').imageSize, bytes: Uint8Array): ImageSize | undefined {
  try {
    const { width, height, orientation } = imageSize(bytes);
    if (!width || !height) return undefined;
    // EXIF orientations 5–8 are turned by a quarter: the picture is as high as the file is wide.
    return orientation !== undefined && orientation >= 5
      ? { width: height, height: width }
      : { width, height };
  } catch {
    return undefined;
  }
}
