/** Thrown for a bad command line: exit code 2, with the usage of the command. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const MAIN_HELP = `gazette: a static site generator for Chinese news portals

Usage: gazette <command> [options]

Commands:
  build    build the site into dist/

Run "gazette <command> --help" for the options of a command.`;

export const BUILD_HELP = `Usage: gazette build [--root DIR] [--out DIR] [--drafts] [--future]

Builds the site in DIR (site.yaml and content/) into a static portal.

Options:
  --root DIR   the site's folder (default: .)
  --out DIR    where to write the site (default: ROOT/dist); replaced only if the build succeeds
  --drafts     include articles with draft: true
  --future     include articles dated in the future
  -h, --help   show this help

Exit codes: 0 built, 1 errors in content, config or templates, 2 bad usage.`;
