import { reasonEn, reasonZh } from './errno.js';
import type { Entry, Values } from './types.js';

const kindZh = (v: Values) => (v.folder ? '文件夹' : '文件');
const kindEn = (v: Values) => (v.folder ? 'folder' : 'file');

/** GZ05xx: the site's files and folders, the output folder, the build cache. */
export const FILES = {
  GZ0501: {
    en: (v) => ({
      message: `there is no ${v.dir}/ folder in ${v.root}`,
      hint: 'create it and put the articles (.md files) in it',
    }),
    zh: (v) => ({
      message: `${v.root} 里没有 ${v.dir}/ 文件夹`,
      hint: '新建这个文件夹，把文章（.md 文件）放进去',
    }),
  },
  GZ0502: {
    en: () => ({
      message: 'this link leads nowhere: the file it points to does not exist',
      hint: 'delete the link, or put the article itself in content/',
    }),
    zh: () => ({
      message: '这个链接（快捷方式）指向的文件不存在',
      hint: '删掉这个链接，或者把文章本身放进 content/',
    }),
  },
  GZ0503: {
    en: () => ({
      message: 'this link points outside the content folder, so it is not read',
      hint: 'copy the file into content/ instead of linking to it',
    }),
    zh: () => ({
      message: '这个链接（快捷方式）指向 content 文件夹以外，不会被读取',
      hint: '把文件本身复制到 content/ 里，不要用链接',
    }),
  },
  GZ0504: {
    en: () => ({
      message: 'this is not an ordinary file (a pipe, socket or device), so it is not read',
      hint: 'replace it with an ordinary .md file',
    }),
    zh: () => ({
      message: '这不是普通文件（是管道、套接字或设备），不会被读取',
      hint: '换成普通的 .md 文件',
    }),
  },
  GZ0505: {
    en: (v) => ({
      message:
        `the name of a ${kindEn(v)} here is not UTF-8, so ${v.folder ? 'nothing in it can be read' : 'it cannot be read'}: "${v.name}"` +
        (v.gbk ? ` (in GBK: "${v.gbk}")` : ''),
      hint: `rename the ${kindEn(v)}${v.gbk ? `, e.g. to "${v.gbk}"` : ' with UTF-8 characters'}; names like this come from zip files made on Windows (unzip -O GBK unpacks them right)`,
    }),
    zh: (v) => ({
      message:
        `这里有一个${kindZh(v)}的名字不是 UTF-8 编码，${v.folder ? '里面的文件都读不到' : '读不到'}：“${v.name}”` +
        (v.gbk ? `（按 GBK 读是“${v.gbk}”）` : ''),
      hint: `给它改名${v.gbk ? `，如改成“${v.gbk}”` : ''}；这种名字多半来自 Windows 上打包的 zip 文件，用 unzip -O GBK 解压就不会乱码`,
    }),
  },
  GZ0506: {
    en: (v) => ({
      message: `the path of this ${kindEn(v)} is too long for the file system (${v.bytes} bytes), so it cannot be read`,
      hint: 'use shorter folder and file names, or fewer folders inside each other',
    }),
    zh: (v) => ({
      message: `这个${kindZh(v)}的路径太长（${v.bytes} 字节），文件系统读不了`,
      hint: '把文件夹名和文件名改短，或者少套几层文件夹',
    }),
  },
  GZ0507: {
    en: (v) => ({
      message: `cannot read the ${kindEn(v)} (${v.errno})`,
      hint: v.folder ? 'check that it can be read' : 'check that it exists and can be read',
    }),
    zh: (v) => ({
      message: `读不了这个${kindZh(v)}：${reasonZh(v)}`,
      hint: '检查它是否存在、有没有读取权限',
    }),
  },
  GZ0508: {
    en: (v) => ({
      message: `cannot write the new site: ${reasonEn(v)}`,
      hint: `${WRITE_FIX[String(v.errno)]?.en ?? 'check the output folder and the disk, then build again'}; the previous site was left as it was`,
    }),
    zh: (v) => ({
      message: `写不了新生成的网站：${reasonZh(v)}`,
      hint: `${WRITE_FIX[String(v.errno)]?.zh ?? '检查输出文件夹和磁盘，然后重新生成'}；网站保持上一次成功生成的样子`,
    }),
  },
  GZ0509: {
    en: (v) => ({
      message: `another build (process ${v.pid}) is writing ${v.out} right now`,
      hint: `wait until it has finished, then build again; if no build is running, delete ${v.lock}`,
    }),
    zh: (v) => ({
      message: `另一次生成（进程 ${v.pid}）正在写 ${v.out}`,
      hint: `等它结束后再生成；如果确实没有在生成，删掉 ${v.lock}`,
    }),
  },
  GZ0510: {
    en: (v) => ({
      message: `cannot lock ${v.out}: other builds keep taking it`,
      hint: 'run one build at a time',
    }),
    zh: (v) => ({ message: `锁不住 ${v.out}：其他生成一直在占用它`, hint: '一次只运行一个生成' }),
  },
  GZ0511: {
    en: (v) => ({
      message: `the output folder ${v.out} ${v.relation} ${v.what}${v.where}: a build replaces its output folder whole`,
      hint: `choose a folder of its own, such as ${v.suggested}`,
    }),
    zh: (v) => ({
      message: `输出文件夹 ${v.out} ${v.relation === 'is' ? '就是' : v.relation === 'holds' ? '包含了' : '在'}${WHAT_ZH[String(v.kind)] ?? v.what}${v.relation === 'is inside' ? '里面' : ''}${v.where}：每次生成都会把输出文件夹整个换掉`,
      hint: `请另选一个专用的文件夹，如 ${v.suggested}`,
    }),
  },
  GZ0512: {
    en: (v) => ({
      message: `cannot save the build cache: ${reasonEn(v)}`,
      hint: `the site is built, but the next build cannot reuse its work; ${v.full ? 'free some space on the disk' : `make ${v.dir} a folder you may write (deleting it is safe)`}, or build with --no-cache`,
    }),
    zh: (v) => ({
      message: `保存不了生成缓存：${reasonZh(v)}`,
      hint: `网站已经生成好了，只是下次生成不能沿用这次的结果；${v.full ? '请清理出一些磁盘空间' : `请让 ${v.dir} 成为可写的文件夹（删掉它也没关系）`}，或者用 --no-cache 生成`,
    }),
  },
  GZ0513: {
    en: (v) => ({
      message: `cannot write the articles' bodies into a temporary folder: ${reasonEn(v)}`,
      hint: 'free some space there, or set TMPDIR to another folder, then build again; the previous site was left as it was',
    }),
    zh: (v) => ({
      message: `临时文件夹里写不了文章正文：${reasonZh(v)}`,
      hint: '请在那里清理出空间，或者把 TMPDIR 设为另一个文件夹，再重新生成；网站保持上一次成功生成的样子',
    }),
  },
  GZ0514: {
    en: (v) => ({
      message: String(v.detail),
      hint: v.missing ? 'run "npm run compile", then build again' : 'build with --no-search to skip it',
    }),
    zh: (v) => ({
      message: `站内搜索索引建不成：${v.detail}`,
      hint: v.missing
        ? '先运行 npm run compile，再重新生成'
        : '先重新生成一次；仍然出错时用 --no-search 生成不带搜索的网站，并把这行信息交给网站管理员',
    }),
  },
  GZ0515: {
    en: (v) => ({
      message: `writes the same page ${v.page} as ${v.other}`,
      hint:
        String(v.hint) ||
        (v.lookalike === 'nfc'
          ? 'the two file names look the same but are written in different Unicode forms (NFC and NFD, e.g. one copied from a Mac): delete or rename one of the two files'
          : v.lookalike === 'case'
            ? 'the two file names differ only in upper and lower case, which Windows and macOS take for one file: delete or rename one of the two files'
            : 'give one of them another slug (slug: …) or date'),
    }),
    zh: (v) => ({
      message: `和 ${v.other} 生成的是同一个页面 ${v.page}`,
      hint:
        v.lookalike === 'nfc'
          ? '两个文件名看起来一样，但 Unicode 写法不同（NFC 和 NFD，比如其中一个是从 Mac 复制来的）：删掉或改名其中一个'
          : v.lookalike === 'case'
            ? '两个文件名只差字母大小写，Windows 和 macOS 会把它们当成同一个文件：删掉或改名其中一个'
            : String(v.hint) || '给其中一篇另写一个 slug（slug: …），或者改日期',
    }),
  },
  GZ0516: {
    en: () => ({
      message: 'this link leads nowhere: what it points to does not exist',
      hint: 'delete the link, or put the file itself in public/',
    }),
    zh: () => ({
      message: 'public 里的这个链接（快捷方式）指向的东西不存在',
      hint: '删掉这个链接，或者把文件本身放进 public/',
    }),
  },
  GZ0517: {
    en: () => ({
      message: 'this link points outside the site folder, so it is not copied',
      hint: 'copy the file into the site instead of linking to it',
    }),
    zh: () => ({
      message: 'public 里的这个链接（快捷方式）指到了网站文件夹以外，不会被复制到网站里',
      hint: '把文件本身复制到网站文件夹里，不要用链接',
    }),
  },
  GZ0518: {
    en: () => ({
      message: 'this is not an ordinary file (a pipe, socket or device), so it is not copied',
      hint: 'replace it with an ordinary file',
    }),
    zh: () => ({
      message: '这不是普通文件（是管道、套接字或设备），不会被复制到网站里',
      hint: '换成普通文件',
    }),
  },
  GZ0519: {
    en: () => ({
      message: 'this link leads back to a folder it is in, so its files would never end',
      hint: 'delete the link, or point it at a folder that does not contain it',
    }),
    zh: () => ({
      message: '这个链接（快捷方式）指回了它自己所在的文件夹，里面的文件会无穷无尽地重复下去',
      hint: '删掉这个链接，或者让它指向一个不包含它的文件夹',
    }),
  },
  GZ0520: {
    en: (v) => ({
      message: `${v.dir} ${v.relation} ${v.source}, which a site is built from: the new site's files would be read as part of it`,
      hint: 'make the new site in a folder of its own, outside any site’s content/, templates/ and public/',
    }),
    zh: (v) => ({
      message: `${v.dir} ${v.relation === 'is' ? '就是' : '在'}${SOURCE_ZH[String(v.kind)] ?? v.source}${v.relation === 'is' ? '' : '里面'}（${v.source}）：新网站的文件会被当成那个网站的一部分`,
      hint: '请把新网站建在一个单独的文件夹里，不要放在任何网站的 content/、templates/ 或 public/ 里面',
    }),
  },
} satisfies Record<string, Entry>;

/** What a site is made from (src/site/site-sources.ts), as a new site may not lie inside it. */
const SOURCE_ZH: Record<string, string> = {
  content: '另一个网站的 content 文件夹',
  config: '另一个网站的 site.yaml',
  public: '另一个网站的 public 文件夹',
  templates: '另一个网站的 templates 文件夹',
  'theme templates': 'gazette 自带的模板文件夹',
  'theme public': 'gazette 自带的 public 文件夹',
};

const WHAT_ZH: Record<string, string> = {
  site: '网站文件夹',
  content: '网站的 content 文件夹',
  config: '网站的 site.yaml',
  public: '网站的 public 文件夹',
  templates: '网站的 templates 文件夹',
  cache: '网站的生成缓存',
  'theme templates': 'gazette 自带的模板文件夹',
  'theme public': 'gazette 自带的 public 文件夹',
};

/** What to do about a failure to write the new site, by its code. */
const WRITE_FIX: Record<string, { en: string; zh: string }> = {
  ENOSPC: {
    en: 'free some space on the disk, then build again',
    zh: '请清理出一些磁盘空间，然后重新生成',
  },
  EDQUOT: { en: 'free some space, then build again', zh: '请清理出一些空间，然后重新生成' },
  EACCES: {
    en: 'check that you may write the output folder and the folder it is in',
    zh: '检查你有没有写输出文件夹及其上一级文件夹的权限',
  },
  EPERM: {
    en: 'check that you may write the output folder and the folder it is in',
    zh: '检查你有没有写输出文件夹及其上一级文件夹的权限',
  },
  EROFS: { en: 'choose another output folder with --out', zh: '请用 --out 另选一个输出文件夹' },
  EMFILE: {
    en: 'raise the limit (ulimit -n), then build again',
    zh: '请调高上限（ulimit -n），然后重新生成',
  },
  EIO: { en: 'check the disk, then build again', zh: '检查磁盘，然后重新生成' },
};
