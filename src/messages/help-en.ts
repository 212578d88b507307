import type { HelpText } from './terminal-text.js';

/** Each command's `--help`, in English (an English site, `--lang en`). */
const MAIN_HELP = `gazette: a static site generator for Chinese news portals

Usage: gazette <command> [options]

Commands:
  build    build the site into dist/
  check    check content, config, templates and every internal link, without writing anything
  dev      preview the site with live reload while you edit
  init     create a new site: site.yaml, an example article, package.json, publishing workflow, guide
  new      create a new article in content/
  theme    list the built-in theme's templates and static files, or copy one into the site to edit

Run "gazette <command> --help" for the options of a command.
Every command takes --lang zh-CN or --lang en: the language it prints in.`;

const BUILD_HELP = `Usage: gazette build [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future] [--jobs N] [--no-search]

Builds the site in DIR (site.yaml and content/) into a static portal.

Options:
  --root DIR   the site's folder (default: .)
  --out DIR    where to write the site (default: ROOT/dist); replaced only if the build succeeds,
               so never the site's folder, its sources or a folder holding them; a symlink stays one
  --base-url URL  the site's address, overriding baseUrl in site.yaml (a path serves it from a subfolder)
  --drafts     include articles with draft: true
  --future     include articles dated in the future
  --no-search  skip the search index (faster); the search page then says search is unavailable
  --no-cache   build everything anew, without reading or writing the build cache (.cache/gazette)
  -q, --quiet  no progress lines, only problems and the summary
  -j, --jobs N threads for rendering (default: one per core from 400 articles up, else 1)
  --list-changes  print each added (A), changed (M) and removed (D) file of the site
  -h, --help   show this help

Exit codes: 0 built, 1 errors in content, config or templates, 2 bad usage.`;

const NEW_HELP = `Usage: gazette new "标题" --category NAME [--slug SLUG] [--root DIR]

Creates content/<category>/<YYYY-MM-DD>-<slug>.md with today's date (in the site's time zone) and
complete front matter, as a draft (draft: true), then prints its path and how to publish it: write
its text in place of the placeholder, and delete the line draft: true. An existing file is never
overwritten.

Options:
  -c, --category NAME   the category, by name (学习) or slug (xuexi), as listed in site.yaml
  --slug SLUG           the file name and URL slug (a-z, 0-9, "-"); default: the title in pinyin
  --root DIR            the site's folder (default: .)
  -h, --help            show this help

Exit codes: 0 created, 1 problems in site.yaml or the file exists, 2 bad usage.`;

const DEV_HELP = `Usage: gazette dev [--root DIR] [--port 4000] [--host 127.0.0.1] [--open] [--drafts] [--future]

Builds the site into memory, serves it, and rebuilds and reloads the open pages on every save.
Errors are shown in the terminal and over the page; the last good pages keep being served.

Options:
  --root DIR    the site's folder (default: .)
  --port N      port to listen on (default: 4000; 0 picks a free one)
  --host ADDR   address or name to listen on and answer to (default: 127.0.0.1, this computer
                only; 0.0.0.0: every interface, for this machine's addresses and name)
  --open        open the site in the default browser
  --drafts      include articles with draft: true
  --future      include articles dated in the future
  -h, --help    show this help`;

const CHECK_HELP = `Usage: gazette check [--root DIR] [--format text|json] [--audit [--now DATE] [--report FILE]]

Builds the site into memory (dist/ is neither read nor written) and checks it: content, config and
templates as a build does, then every internal link and image of every article and page. Problems are
printed on stdout, one per line as file:line:col: error|warning: message, then a one-line summary.

Options:
  --root DIR       the site's folder (default: .)
  --format FORMAT  text (default), or json: one object {"diagnostics": [...], "summary": {...}}
  --audit          also check the site against the 政府网站抽查's indicators (国办秘函〔2019〕19号):
                   a stale home page, blank columns, columns not updated within their updateWithin,
                   audit/wording.yaml's wrong wordings, broken links, Chinese typography (warnings);
                   a 单项否决 finding is an error
  --now DATE       audit as of this time, in site time, e.g. 2022-04-01 09:00 (default: now;
                   GAZETTE_NOW sets it too)
  --report FILE    write the audit as a report in Chinese (Markdown) to FILE; implies --audit
  -h, --help       show this help

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage.`;

const INIT_HELP = `Usage: gazette init [DIR] --title TITLE --base-url URL --category NAME[:SLUG] ... [options]

Creates a complete site repository in DIR (default: .; created if missing), ready to commit:
site.yaml (every key explained in Chinese), an example article, package.json (with the scripts dev,
build, check and new, and this gazette), .gitignore, public/, a GitHub Pages workflow that keeps the
build cache between runs, README.md and docs/编辑指南.md. An existing file is never overwritten: if
any of them exists, nothing is written.

Values missing on the command line are asked for when the input is a terminal; otherwise the
required ones (--title, --base-url, --category) must be given.

Options:
  --title TEXT            the site's name (title)
  --base-url URL          the site's address, e.g. https://news.example.gov.cn/ (baseUrl)
  --category NAME[:SLUG]  a category, once for each, in menu order: --category 要闻:yaowen
                          --category 通知公告:tzgg (the slug defaults to the name in pinyin)
  --time-zone ZONE        IANA time zone of dates (timeZone; default: Asia/Shanghai)
  --default-source TEXT   来源 of articles that name none (defaultSource); also --source
  --description TEXT      the site's description (description)
  --footer TEXT           copyright line of every page (footer; default: 版权所有 © SOURCE or TITLE)
  --icp TEXT              ICP 备案号, e.g. 浙ICP备12345678号 (icp)
  --police TEXT           公安备案 as shown, e.g. "浙公网安备 33070202000123号" (police)
  -h, --help              show this help

Exit codes: 0 created, 1 a file exists or cannot be written (nothing is written), 2 bad usage.`;

const THEME_HELP = `Usage: gazette theme list [--root DIR]
       gazette theme copy NAME... [--root DIR]

The built-in theme's templates (templates/) and static files (public/) can each be replaced by a
file of the same name in the site's own templates/ or public/.

  list         print every file of the theme, marking those the site has its own copy of
  copy NAME    copy a file of the theme into the site, to edit it there; NAME as listed, with or
               without templates/ or public/ (partials/footer.njk, assets/site.css). An existing
               file is never overwritten.

Options:
  --root DIR   the site's folder (default: .)
  -h, --help   show this help

Exit codes: 0 done, 1 the file exists or there is no site.yaml in DIR, 2 bad usage.`;

export const HELP_EN: HelpText = {
  main: MAIN_HELP,
  build: BUILD_HELP,
  new: NEW_HELP,
  dev: DEV_HELP,
  check: CHECK_HELP,
  init: INIT_HELP,
  theme: THEME_HELP,
};
