/*
 * The search page: starts Pagefind's default UI (pagefind-ui.js, from the site's own /pagefind/
 * folder) and runs the search given in the address, as the header's search box sends it: /search/?q=返岗.
 * Chinese labels are Pagefind's own (it follows <html lang="zh-CN">). Nothing is sent anywhere: the
 * index is read from this site.
 */
(() => {
  // The index holds Chinese text parted into words by spaces (gazette's src/search/index-words.ts),
  // and Pagefind cuts excerpts from it: a space next to a Chinese character or punctuation mark is
  // taken out again. Marks (<mark>) around found words are looked through.
  const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026]/u;
  const bare = (html) => html.replace(/<\/?mark>/g, '');
  const unspaced = (html) =>
    html.split(' ').reduce((out, word, i) => {
      if (i === 0) return word;
      const joined = CJK.test(bare(out).slice(-1)) || CJK.test(bare(word).charAt(0));
      return out + (joined ? '' : ' ') + word;
    }, '');

  const element = document.getElementById('search');
  if (!element || typeof window.PagefindUI !== 'function') return;

  const ui = new window.PagefindUI({
    element: '#search',
    bundlePath: element.dataset.bundle,
    showImages: false,
    showSubResults: false,
    excerptLength: 40,
    resetStyles: false,
    translations: { placeholder: '搜索文章标题和正文' },
    // The 栏目 filter stays open: Pagefind folds it away once a site has more than a few categories,
    // where a reader (an older one above all) would not find it.
    openFilters: ['栏目'],
    // Each result shows its date and category under the title, labelled in Chinese, and its excerpt
    // as the article writes it.
    processResult: (result) => {
      const { title, date, category } = result.meta ?? {};
      return {
        ...result,
        excerpt: unspaced(result.excerpt ?? ''),
        meta: { title, ...(date && { 日期: date }), ...(category && { 栏目: category }) },
      };
    },
  });

  // Pagefind's box has only a title; the page's visible label names it (label-title-only in axe).
  const input = element.querySelector('.pagefind-ui__search-input');
  if (input) input.id = 'search-input';

  const query = new URLSearchParams(window.location.search).get('q');
  if (query?.trim()) ui.triggerSearch(query.trim());
  // The header's box says what is being searched for, too.
  const headerBox = document.getElementById('site-search-q');
  if (headerBox && query) headerBox.value = query;
})();
