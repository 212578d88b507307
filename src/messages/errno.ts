import type { Values } from './types.js';

/**
 * Why the file system failed, by its errno code (values `errno` and `detail`, from
 * src/fs/fs-failure.ts), in each language. A code not worded here is shown with the system's own
 * words: in English as they are, in Chinese quoted after 系统报告.
 */
const REASONS: Readonly<Record<string, { en?: string; zh: string }>> = {
  ENOSPC: { en: 'the disk is full', zh: '磁盘满了' },
  EDQUOT: { en: 'the disk quota is used up', zh: '磁盘空间配额用完了' },
  EACCES: { en: 'permission denied', zh: '没有权限' },
  EPERM: { en: 'permission denied', zh: '没有权限' },
  EROFS: { en: 'the file system is read-only', zh: '这个位置是只读的' },
  EMFILE: { en: 'too many open files', zh: '同时打开的文件太多' },
  EIO: { en: 'an input/output error', zh: '磁盘读写出错' },
  ENOTDIR: { en: 'a file is where a folder should be', zh: '应该是文件夹的地方是一个文件' },
  ENOENT: { zh: '文件或文件夹不存在' },
  EISDIR: { zh: '应该是文件的地方是一个文件夹' },
  EEXIST: { zh: '已经有同名的文件或文件夹' },
  ENOTEMPTY: { zh: '文件夹不是空的' },
  EBUSY: { zh: '文件正被别的程序占用' },
  ELOOP: { zh: '链接（快捷方式）绕成了圈' },
  ENAMETOOLONG: { zh: '名字或路径太长' },
  EXDEV: { zh: '不能跨磁盘移动' },
  EAGAIN: { zh: '系统暂时忙不过来' },
};

/** `the disk is full (ENOSPC)`; for a code without words, the system's own. */
export const reasonEn = (v: Values): string => {
  const words = REASONS[String(v.errno)]?.en;
  return words ? `${words} (${v.errno})` : String(v.detail || v.errno);
};

/** `磁盘满了（ENOSPC）`; for a code without words, `系统报告“…”`. */
export const reasonZh = (v: Values): string => {
  const words = REASONS[String(v.errno)]?.zh;
  if (words) return `${words}（${v.errno}）`;
  const detail = v.detail || (/^E[A-Z0-9]+$/.test(String(v.errno)) ? '' : v.errno);
  return detail ? `系统报告“${detail}”` : String(v.errno);
};
