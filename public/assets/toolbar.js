/*
 * Reading tools. On every page: applies the font size the reader chose (kept in this browser only,
 * in localStorage; nothing is sent anywhere). On article pages: shows the toolbar (hidden in the HTML,
 * since without JavaScript it cannot work) and runs its buttons: 大/中/小, 打印, 复制链接.
 */
(() => {
  const KEY = 'gazette-font-size';
  const SIZES = ['small', 'medium', 'large'];
  const root = document.documentElement;

  const stored = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null; // storage turned off: the default size
    }
  };
  const remember = (size) => {
    try {
      localStorage.setItem(KEY, size);
    } catch {
      // storage turned off: the size holds for this page only
    }
  };
  const apply = (wanted) => {
    const size = SIZES.includes(wanted) ? wanted : 'medium';
    if (size === 'medium') delete root.dataset.fontSize;
    else root.dataset.fontSize = size;
    for (const button of document.querySelectorAll('[data-font-size]'))
      button.setAttribute('aria-pressed', String(button.dataset.fontSize === size));
  };
  apply(stored());

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
      apply(button.dataset.fontSize);
      remember(button.dataset.fontSize);
      say(`已切换为${button.textContent}。`);
    } else if (button.dataset.action === 'print') {
      window.print();
    } else if (button.dataset.action === 'copy-link') {
      copyLink();
    }
  });
  toolbar.hidden = false;
})();
