import type { Values } from './types.js';

/** An address too long to be written (values from src/urls/address-length.ts), in each language. */
export const tooLongEn = (v: Values): string =>
  v.part
    ? `the address ${v.address} is too long: its part "${v.part}" has ${v.bytes} bytes, and a file or folder name may have at most ${v.max}`
    : `the address ${v.address} is too long: it has ${v.bytes} bytes, and an address may have at most ${v.max}`;

export const tooLongZh = (v: Values): string =>
  v.part
    ? `网址 ${v.address} 太长：其中“${v.part}”一段有 ${v.bytes} 个字节，而文件名或文件夹名最多 ${v.max} 个字节`
    : `网址 ${v.address} 太长：一共 ${v.bytes} 个字节，而网址最多 ${v.max} 个字节`;
