/*
 * Reading tools. Loaded in <head> without `defer`, so that what the reader chose (kept in this
 * browser only, in localStorage; nothing is sent anywhere) is on <html> before the first paint:
 * no flash of the ordinary page before 长者模式 or 大字号. A file rather than an inline script: it
 * works under a host's Content-Security-Policy of `script-src 'self'`, and one file holds both the
 * storage keys and the buttons that write them. Then, once the page is parsed, it runs the
 * buttons: the 长者模式 switch in the reading bar (every page) and, on article pages, the toolbar
 * (hidden in the HTML, since without JavaScript it cannot work): 大/中/小, 打印, 复制链接.
 */
(() => {
  const FONT_SIZE = 'gazette-font-size';
  const ELDER = 'gazette-elder-mode';
  const SIZES = ['small', 'medium', 'large'];
  const root = document.documentElement;

  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage turned off: the defaults
    }
  };
  const remember = (key, value) => {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // storage turned off: the choice holds for this page only
    }
  };

  const fontSize = (wanted) => {
    const size = SIZES.includes(wanted) ? wanted : 'medium';
    if (size === 'medium') delete root.dataset.fontSize;
    else root.dataset.fontSize = size;
    return size;
  };
  const elder = (on) => {
    if (on) root.dataset.elder = 'on';
    else delete root.dataset.elder;
    return on;
  };

  // Before the first paint. data-js tells the style sheet that the switches can work, so it shows
  // them from the start (no layout shift); without JavaScript they stay hidden.
  root.dataset.js = '';
  let size = fontSize(stored(FONT_SIZE));
  let elderOn = elder(stored(ELDER) === 'on');

  const showPressed = () => {
    for (const button of document.querySelectorAll('[data-font-size]'))
      button.setAttribute('aria-pressed', String(button.dataset.fontSize === size));
    // What the switch shows (开/关) follows html[data-elder] in the style sheet, from the first paint.
    for (const button of document.querySelectorAll('[data-elder-switch]'))
      button.setAttribute('aria-pressed', String(elderOn));
  };

  const wireElderSwitch = () => {
    for (const button of document.querySelectorAll('[data-elder-switch]'))
      button.addEventListener('click', () => {
        elderOn = elder(!elderOn);
        remember(ELDER, elderOn ? 'on' : null);
        showPressed();
      });
  };

  const wireToolbar = () => {
    const toolbar = document.querySelector('[data-toolbar]');
    if (!toolbar) return;
    const status = toolbar.querySelector('[role="status"]');
    const say = (text) => {
      // Cleared first, so that saying the same thing twice is announced twice.
      status.textContent = '';
      window.setTimeout(() => {
        status.textContent = text;
      }, 50);
    };

    // The page's canonical address: what a reader means to share, without ?query or #hash.
    const pageUrl = () => document.querySelector('link[rel="canonical"]')?.href || window.location.href;

    const copyWithSelection = (text) => {
      const field = document.createElement('textarea');
      field.value = text;
      field.setAttribute('readonly', '');
      field.style.position = 'fixed';
      field.style.opacity = '0';
      document.body.append(field);
      field.select();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      field.remove();
      return copied;
    };
    const copyLink = async () => {
      const url = pageUrl();
      try {
        // Only on https (or localhost) pages, and only if the browser allows it.
        await navigator.clipboard.writeText(url);
        return say('链接已复制，可以粘贴分享。');
      } catch {
        if (copyWithSelection(url)) return say('链接已复制，可以粘贴分享。');
      }
      say(`无法自动复制，请手动复制本页链接：${url}`);
    };

    toolbar.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      if (button.dataset.fontSize) {
        size = fontSize(button.dataset.fontSize);
        remember(FONT_SIZE, button.dataset.fontSize);
        showPressed();
        say(`已切换为${button.textContent}。`);
      } else if (button.dataset.action === 'print') {
        window.print();
      } else if (button.dataset.action === 'copy-link') {
        copyLink();
      }
    });
    toolbar.hidden = false;
  };

  const wire = () => {
    showPressed();
    wireElderSwitch();
    wireToolbar();
  };
  // A site's own base.njk may still load this script with `defer`: then the page is parsed already.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
