/**
 * The error screen's style, inside its shadow root: the site's CSS cannot reach in, and `:host`'s
 * `!important` declarations win over the site's, even its `!important` ones, so a theme's `* {…}` or
 * `body > * {display: none}` cannot hide or restyle the screen either. Sizes are in px, never rem
 * (rem follows the site's <html> font size). Text is at least 16px, for older readers; colours are
 * dark on white, well over the 4.5:1 contrast of WCAG AA.
 */
export const OVERLAY_STYLE = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  pointer-events: auto !important;
}
*, *::before, *::after { box-sizing: border-box; }
.backdrop {
  position: absolute;
  inset: 0;
  overflow-x: hidden;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 24px 16px;
  background: rgba(0, 0, 0, 0.7);
  color: #1a1a1a;
  font: 18px/1.7 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  text-align: left;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
.panel {
  max-width: 960px;
  margin: 0 auto;
  padding: 24px 28px 12px;
  border-top: 8px solid #b00020;
  border-radius: 8px;
  background: #fff;
  overflow-wrap: anywhere;
}
.panel:focus { outline: none; }
.head { display: flex; align-items: flex-start; gap: 16px; }
.title { flex: 1; min-width: 0; margin: 0; color: #8c0016; font-size: 24px; line-height: 1.4; font-weight: 700; }
.close {
  flex: none;
  min-width: 48px;
  min-height: 44px;
  padding: 4px 16px;
  border: 2px solid #1a1a1a;
  border-radius: 6px;
  background: #fff;
  color: #1a1a1a;
  font: inherit;
  font-weight: 700;
  cursor: pointer;
}
.close:hover { background: #ececec; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
p { margin: 0; }
.summary { margin-top: 12px; font-weight: 700; }
.note { color: #3d3d3d; }
.tip { margin-top: 4px; color: #3d3d3d; }
.problems { margin: 20px 0 0; padding: 0; list-style: none; }
.problem {
  margin: 0 0 16px;
  padding: 14px 18px 16px;
  border: 1px solid #c8c8c8;
  border-left: 8px solid #b00020;
  border-radius: 6px;
}
.problem.warning { border-left-color: #7a4f00; }
.badge {
  display: inline-block;
  margin-right: 4px;
  padding: 0 8px;
  border-radius: 4px;
  background: #b00020;
  color: #fff;
  font-size: 16px;
  font-weight: 700;
  line-height: 1.7;
}
.warning .badge { background: #7a4f00; }
.code { margin-right: 4px; color: #3d3d3d; }
.code, .where {
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", "Noto Sans Mono", monospace;
  font-size: 17px;
}
.where { color: #0b57d0; text-decoration: underline; }
.where:hover { color: #083c8f; }
.lc { color: #3d3d3d; white-space: nowrap; }
.message { margin-top: 8px; }
.hint { margin-top: 10px; padding: 8px 12px; border-radius: 4px; background: #eef4ea; }
.hint-label { font-weight: 700; }
@media (max-width: 600px) {
  .backdrop { padding: 8px; }
  .panel { padding: 16px 16px 4px; }
  .title { font-size: 20px; }
  .problem { padding: 12px 12px 14px; }
}
`;
