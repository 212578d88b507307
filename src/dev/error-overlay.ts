import { OVERLAY_STYLE } from './error-overlay-style.js';
import type { OverlayText } from './ui-text.js';

/** A value as a JavaScript literal that is safe inside an inline <script>. */
const literal = (value: unknown): string => JSON.stringify(value).replaceAll('<', '\\u003c');

/**
 * The error screen in the words of `text`, as statements for the page's live-reload script: they
 * define `showProblems(problems)` (a BrowserProblem[], see browser-problem.ts) and `hideProblems()`.
 *
 * It lives in a shadow root (the site's CSS cannot reach it) and is an alert dialog named by its
 * heading, with a close button that takes the focus, Tab kept inside and Escape to close. Every text
 * goes in with textContent, never as HTML: a message may quote `<script>` from an article.
 */
export const overlayScript = (text: OverlayText): string => String.raw`
  const TEXT = ${literal(text)};
  const STYLE = ${literal(OVERLAY_STYLE)};
  let overlay;
  let focusBefore;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const hideProblems = () => {
    if (!overlay) return;
    overlay.host.remove();
    overlay = undefined;
    if (focusBefore && focusBefore.isConnected && focusBefore.focus) focusBefore.focus();
    focusBefore = undefined;
  };
  // Tab and Shift+Tab go round the screen's links and button, not to the page behind it.
  const keepFocus = (event) => {
    const stops = [...overlay.root.querySelectorAll('a[href], button')];
    const at = stops.indexOf(overlay.root.activeElement);
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    event.preventDefault();
    stops[next].focus();
  };
  const makeOverlay = () => {
    const host = document.createElement('gazette-error-overlay');
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style', '', STYLE);
    const backdrop = el('div', 'backdrop');
    const panel = el('section', 'panel');
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-labelledby', 'gazette-title');
    panel.setAttribute('aria-describedby', 'gazette-summary');
    const head = el('div', 'head');
    const title = el('h2', 'title', TEXT.heading);
    title.id = 'gazette-title';
    const close = el('button', 'close', TEXT.close);
    close.type = 'button';
    close.addEventListener('click', hideProblems);
    head.append(title, close);
    const summary = el('p', 'summary');
    summary.id = 'gazette-summary';
    const list = el('ol', 'problems');
    panel.append(head, summary, el('p', 'note', TEXT.stillServing), el('p', 'tip', TEXT.openTip), list);
    backdrop.append(panel);
    root.append(style, backdrop);
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        hideProblems();
      } else if (event.key === 'Tab') keepFocus(event);
    });
    return { host, root, summary, list, close };
  };
  const problemItem = (problem) => {
    const error = problem.severity === 'error';
    const item = el('li', error ? 'problem error' : 'problem warning');
    const place = el('p', 'place');
    // Spaces between the parts, for screen readers and for copying the text.
    place.append(el('span', 'badge', error ? TEXT.error : TEXT.warning), ' ');
    if (problem.code) place.append(el('span', 'code', fill(TEXT.code, problem)), ' ');
    const at = problem.line === undefined ? problem.file : problem.file + ':' + problem.line + ':' + problem.column;
    const where = el(problem.editorUrl ? 'a' : 'span', 'where', at);
    if (problem.editorUrl) where.href = problem.editorUrl;
    place.append(where);
    if (problem.line !== undefined) place.append(el('span', 'lc', fill(TEXT.position, problem)));
    item.append(place, el('p', 'message', problem.message));
    if (problem.hint) {
      const hint = el('p', 'hint');
      hint.append(el('span', 'hint-label', TEXT.hint), el('span', 'hint-text', problem.hint));
      item.append(hint);
    }
    return item;
  };
  const showProblems = (problems) => {
    if (!overlay) {
      overlay = makeOverlay();
      focusBefore = document.activeElement;
      (document.body || document.documentElement).append(overlay.host);
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    overlay.summary.textContent = fill(TEXT.count, {
      total: problems.length,
      errors,
      warnings: problems.length - errors,
    });
    overlay.list.replaceChildren(...problems.map(problemItem));
    if (!overlay.root.activeElement) overlay.close.focus({ preventScroll: true });
  };
`;
