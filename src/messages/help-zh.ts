import type { HelpText } from './terminal-text.js';

/** Each command's `--help`, in Chinese (a zh-CN site, the default). Option names stay as typed. */
const MAIN_HELP = `gazette：为中文新闻网站生成静态网站的工具

用法：gazette <命令> [选项]

命令：
  build    生成网站，写入 dist/
  check    检查文章、网站设置、模板和所有站内链接，不写任何文件
  dev      边改边预览，保存后页面自动刷新
  init     新建一个网站：site.yaml、示例文章、package.json、发布流程和编辑指南
  new      在 content/ 里新建一篇文章
  theme    列出内置主题的模板和静态文件，或复制一份到网站里修改

运行 gazette <命令> --help 查看该命令的选项。
所有命令都可以加 --lang zh-CN 或 --lang en，选择输出的语言。`;

const BUILD_HELP = `用法：gazette build [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future] [--jobs N] [--no-search]

把 DIR 里的网站（site.yaml 和 content/）生成为静态网站。

选项：
  --root DIR   网站所在的文件夹（默认：当前文件夹）
  --out DIR    生成的网站写到哪里（默认：ROOT/dist）；只有生成成功才替换它，
               所以不能是网站文件夹本身、放源文件的文件夹或包含它们的文件夹；符号链接仍保留为符号链接
  --base-url URL  网站地址，代替 site.yaml 里的 baseUrl（写成路径则放在子目录下）
  --drafts     把 draft: true 的草稿也生成出来
  --future     把日期在将来的文章也生成出来
  --no-search  不生成搜索索引（更快）；搜索页会提示搜索暂不可用
  --no-cache   不读也不写生成缓存（.cache/gazette），全部重新生成
  -q, --quiet  不显示进度，只显示问题和最后的汇总
  -j, --jobs N 渲染用的线程数（默认：400 篇文章以上每个 CPU 核一个，否则 1 个）
  --list-changes  逐行列出网站里新增（A）、修改（M）和删除（D）的文件
  -h, --help   显示本帮助

退出码：0 生成成功，1 文章、设置或模板有错误，2 命令写法有误。`;

const NEW_HELP = `用法：gazette new "标题" --category 栏目 [--slug SLUG] [--root DIR]

新建 content/<栏目>/<年-月-日>-<slug>.md：日期是今天（按网站的时区），文章信息齐全，并标为草稿
（draft: true）；然后显示文件位置和发布方法：把占位文字换成正文，再删掉 draft: true 这一行。
已有的文件绝不会被覆盖。

选项：
  -c, --category 栏目   栏目，写名称（学习）或代号（xuexi）都可以，须是 site.yaml 里列出的
  --slug SLUG           文件名和网址里的名字（a-z、0-9、“-”）；默认是标题的拼音
  --root DIR            网站所在的文件夹（默认：当前文件夹）
  -h, --help            显示本帮助

退出码：0 已创建，1 site.yaml 有问题或文件已存在，2 命令写法有误。`;

const DEV_HELP = `用法：gazette dev [--root DIR] [--port 4000] [--host 127.0.0.1] [--open] [--drafts] [--future]

在内存里生成网站并提供预览；每次保存都会重新生成，并刷新打开着的页面。
出错时，问题显示在终端里，也显示在页面上方；预览仍显示上一次成功生成的页面。

选项：
  --root DIR    网站所在的文件夹（默认：当前文件夹）
  --port N      监听的端口（默认：4000；写 0 则自动选一个空闲端口）
  --host ADDR   监听并应答的地址或主机名（默认：127.0.0.1，只有本机能访问；
                0.0.0.0：所有网卡，可用本机的各个地址和主机名访问）
  --open        在默认浏览器里打开网站
  --drafts      把 draft: true 的草稿也生成出来
  --future      把日期在将来的文章也生成出来
  -h, --help    显示本帮助`;

const CHECK_HELP = `用法：gazette check [--root DIR] [--format text|json] [--audit [--now DATE] [--report FILE]]

在内存里生成网站并检查（不读也不写 dist/）：像生成时一样检查文章、网站设置和模板，再检查每篇文章、
每个页面里的站内链接和图片。问题输出到标准输出，每行一个，格式为 文件:行:列: error|warning: 说明，
最后一行是汇总。

选项：
  --root DIR       网站所在的文件夹（默认：当前文件夹）
  --format FORMAT  text（默认），或 json：输出一个对象 {"diagnostics": [...], "summary": {...}}
  --audit          同时按政府网站抽查的指标（国办秘函〔2019〕19号）自查：首页长期不更新、空白栏目、
                   栏目超过 updateWithin 未更新、audit/wording.yaml 里列出的错误表述、失效链接，
                   以及中文排版（只作提醒）；属于单项否决的问题算作错误
  --now DATE       按这个时间自查，用网站所在时区，如 2022-04-01 09:00（默认：现在；
                   也可以用环境变量 GAZETTE_NOW 指定）
  --report FILE    把自查结果写成中文报告（Markdown）存到 FILE；写了它就等于加了 --audit
  -h, --help       显示本帮助

退出码：0 没有错误（可以有提醒），1 有错误，2 命令写法有误。`;

const INIT_HELP = `用法：gazette init [DIR] --title 网站名称 --base-url 网址 --category 名称[:代号] ... [选项]

在 DIR（默认：当前文件夹；不存在则新建）里建一个完整的网站仓库，可以直接提交：site.yaml（每一项都有
中文说明）、一篇示例文章、package.json（含 dev、build、check、new 四个脚本和当前的 gazette）、
.gitignore、public/、一个在两次运行之间保留生成缓存的 GitHub Pages 发布流程、README.md 和
docs/编辑指南.md。已有的文件绝不会被覆盖：只要其中有一个文件已存在，就什么也不写。

命令行上没给的值，在终端里运行时会逐项提问；不在终端里运行时，必须给出必填的几项
（--title、--base-url、--category）。

选项：
  --title TEXT            网站名称（title）
  --base-url URL          网站地址，如 https://news.example.gov.cn/（baseUrl）
  --category NAME[:SLUG]  栏目，每个栏目写一次，按菜单顺序：--category 要闻:yaowen
                          --category 通知公告:tzgg（代号默认是名称的拼音）
  --time-zone ZONE        日期所用的 IANA 时区（timeZone；默认：Asia/Shanghai）
  --default-source TEXT   文章没写来源时用的来源（defaultSource）；也可写 --source
  --description TEXT      网站简介（description）
  --footer TEXT           每个页面底部的版权信息（footer；默认：版权所有 © 来源或网站名称）
  --icp TEXT              ICP 备案号，如 浙ICP备12345678号（icp）
  --police TEXT           公安备案号，照原样写，如 "浙公网安备 33070202000123号"（police）
  -h, --help              显示本帮助

退出码：0 已创建，1 有文件已存在或无法写入（什么也没有写），2 命令写法有误。`;

const THEME_HELP = `用法：gazette theme list [--root DIR]
      gazette theme copy NAME... [--root DIR]

内置主题的每个模板（templates/）和静态文件（public/），都可以用网站自己的 templates/ 或 public/
里同名的文件代替。

  list         列出主题的所有文件，并标出网站已有自己一份的
  copy NAME    把主题的一个文件复制到网站里，在那里修改；NAME 照 list 列出的写，
               templates/ 或 public/ 可写可不写（partials/footer.njk、assets/site.css）。
               已有的文件绝不会被覆盖。

选项：
  --root DIR   网站所在的文件夹（默认：当前文件夹）
  -h, --help   显示本帮助

退出码：0 完成，1 文件已存在或 DIR 里没有 site.yaml，2 命令写法有误。`;

export const HELP_ZH: HelpText = {
  main: MAIN_HELP,
  build: BUILD_HELP,
  new: NEW_HELP,
  dev: DEV_HELP,
  check: CHECK_HELP,
  init: INIT_HELP,
  theme: THEME_HELP,
};
