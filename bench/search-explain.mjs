#!/usr/bin/env node
// Explains a search's ranking from the index files themselves: reads Pagefind 1.6's bundles (a site's
// shards and one whole index of the same records), re-states Pagefind's scoring (pagefind_web's
// search.rs: BM25 with k1 1.4, b 0.75, the IDF of the pages having any extension of a word, metadata
// matches weighted as the site weighs them) and prints, for each query, the whole index's first
// results with each word's and field's part, and the shards' as the loader ranks them.
//   node bench/search-explain.mjs --site DIST --whole DIR QUERY…
// Only the index chunks Pagefind would load for the query are read; unlike Pagefind, every chunk that
// may hold an extension of the word is read (see RESULTS: Pagefind reads only the chunk holding the
// word itself, so it can miss extensions in the next one). Analysis only; not a test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

function cbor(buf) {
  let p = 0;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const len = (ai) => {
    if (ai < 24) return ai;
    if (ai === 24) return buf[p++];
    if (ai === 25) {
      const v = dv.getUint16(p);
      p += 2;
      return v;
    }
    if (ai === 26) {
      const v = dv.getUint32(p);
      p += 4;
      return v;
    }
    if (ai === 27) {
      const v = Number(dv.getBigUint64(p));
      p += 8;
      return v;
    }
    if (ai === 31) return -1;
    throw new Error(`ai ${ai}`);
  };
  const item = () => {
    const b = buf[p++];
    const mt = b >> 5,
      ai = b & 31;
    if (mt === 7) {
      if (ai === 20) return false;
      if (ai === 21) return true;
      if (ai === 22) return null;
      if (ai === 26) {
        const v = dv.getFloat32(p);
        p += 4;
        return v;
      }
      if (ai === 27) {
        const v = dv.getFloat64(p);
        p += 8;
        return v;
      }
      if (ai === 31) return BREAK;
      throw new Error(`simple ${ai}`);
    }
    const n = len(ai);
    switch (mt) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2: {
        const v = buf.subarray(p, p + n);
        p += n;
        return v;
      }
      case 3: {
        const v = buf.subarray(p, p + n).toString('utf8');
        p += n;
        return v;
      }
      case 4: {
        const a = [];
        if (n < 0) {
          for (;;) {
            const x = item();
            if (x === BREAK) break;
            a.push(x);
          }
        } else for (let i = 0; i < n; i++) a.push(item());
        return a;
      }
      case 5: {
        const o = new Map();
        for (let i = 0; i < n; i++) {
          const k = item();
          o.set(k, item());
        }
        return o;
      }
      case 6:
        return item();
    }
  };
  const BREAK = Symbol();
  return item();
}
const unpack = (file) => {
  let b = readFileSync(file);
  if (b.subarray(0, 12).toString() !== 'pagefind_dcd') b = gunzipSync(b);
  return b.subarray(12);
};
const decodePages = (arr) => {
  let page = 0;
  return arr.map((pw) => {
    page += pw[0];
    let weight = 25,
      last = 0;
    const locs = [];
    for (const l of pw[1]) {
      if (l < 0) {
        weight = Math.min(255, -l - 1);
        last = 0;
      } else {
        last += l;
        locs.push([weight, last]);
      }
    }
    const meta = [];
    if (pw.length >= 3) {
      let field = 0,
        lp = 0;
      for (const l of pw[2]) {
        if (l < 0) {
          field = -l - 1;
          lp = 0;
        } else {
          lp += l;
          meta.push([field, lp]);
        }
      }
    }
    return { page, locs, meta };
  });
};
/** A bundle: pages (hash, words, url), words map, meta fields, average page length. */
function loadBundle(dir) {
  const metaFile = readdirSync(dir).find((f) => f.endsWith('.pf_meta'));
  const meta = cbor(unpack(path.join(dir, metaFile)));
  const [version, pages, chunks, _filterChunks, _sorts, metaFields] = meta;
  const P = pages.map(([hash, wc]) => ({ hash, wc }));
  // Index chunks decoded when a word of their range is asked for (as Pagefind loads them).
  const loaded = new Set();
  const words = new Map();
  const need = (term, exact = false) => {
    for (const [from, to, hash] of chunks) {
      if (loaded.has(hash) || `${to}\uffff` < term || from > (exact ? term : `${term}\uffff`)) continue;
      loaded.add(hash);
      const idx = cbor(unpack(path.join(dir, 'index', `${hash}.pf_index`)));
      for (const [key, pagesArr, variants] of idx[0])
        words.set(key, {
          pages: decodePages(pagesArr),
          variants: (variants ?? []).map(([form, pa]) => ({ form, pages: decodePages(pa) })),
        });
    }
  };
  for (const p of P)
    Object.defineProperty(p, 'fr', {
      get() {
        this._fr ??= JSON.parse(
          unpack(path.join(dir, 'fragment', `${this.hash}.pf_fragment`)).toString('utf8'),
        );
        return this._fr;
      },
    });
  for (const k of ['url', 'title', 'filters'])
    for (const p of P)
      Object.defineProperty(p, k, {
        get() {
          return k === 'title' ? this.fr.meta.title : this.fr[k];
        },
      });
  const apl = P.reduce((s, p) => s + p.wc, 0) / P.length;
  return { dir, version, pages: P, words, need, metaFields: metaFields ?? [], apl, chunks };
}
// The metadata fields' weights are the site's (search-records.ts), as the search page sets them.
const { META_WEIGHTS } = await import(new URL('../lib/search/search-records.js', import.meta.url).href);
const W = { k1: 1.4, b: 0.75, sim: 1.0, diac: 0.8, meta: META_WEIGHTS };
const idf = (N, n) => Math.log((N - n + 0.5) / (n + 0.5) + 1);
const bytes = (s) => Buffer.byteLength(s);
const lengthBonus = (d) => Math.exp(Math.exp((-0.5 * d * d) / 4) * W.sim) / Math.exp(W.sim);
const seg = new Intl.Segmenter('zh-CN', { granularity: 'word' });
/** The query as Pagefind's JS hands it to the wasm: words joined by spaces. */
const normalise = (q) =>
  [...seg.segment(q)]
    .map((s) => s.segment.toLowerCase().replace(/[\p{P}\s]/gu, ''))
    .filter(Boolean)
    .join(' ');
function extensions(b, term) {
  b.need(term);
  const out = [];
  let longest;
  for (const [k, v] of b.words) {
    if (k.startsWith(term)) out.push([k, v]);
    else if (term.startsWith(k) && k.length > (longest?.length ?? 0)) longest = k;
  }
  if (out.length === 0) {
    for (let i = 1; i < term.length; i++) b.need(term.slice(0, i), true);
    for (const [k] of b.words)
      if (term.startsWith(k) && k !== term && k.length > (longest?.length ?? 0)) longest = k;
  }
  if (out.length === 0 && longest) out.push([longest, b.words.get(longest)]);
  return out;
}
/** opts.pages: a Set of page indexes to keep (a filter); opts.apl: replace the bundle's average length. */
function search(b, query, opts = {}) {
  const terms = normalise(query).split(' ').filter(Boolean);
  const N = b.pages.length;
  const apl = opts.apl ?? b.apl;
  const words = [];
  const counts = [];
  const maps = [];
  terms.forEach((term, ti) => {
    const set = new Set();
    for (const [word, data] of extensions(b, term)) {
      const lb = lengthBonus(Math.abs(bytes(word) - bytes(term)) + 1);
      for (const [form, pages] of [[word, data.pages], ...data.variants.map((v) => [v.form, v.pages])]) {
        const dbonus = form === term || form.startsWith(term) || term.startsWith(form) ? 1 + W.diac : 1;
        for (const pw of pages) {
          words.push({ pw, word, lb, dbonus, ti });
          set.add(pw.page);
        }
      }
    }
    if (set.size) {
      maps.push(set);
      counts.push(set.size);
    } else counts.push(0);
  });
  if (terms.length && maps.length === 0) return { results: [], counts };
  let results = maps.length ? maps.reduce((a, s) => a.filter((x) => s.has(x)), [...maps[0]]) : [];
  if (opts.pages) results = results.filter((p) => opts.pages.has(p));
  const totalIdf = counts.reduce((s, c) => s + idf(N, c), 0);
  const byPage = new Map();
  for (const w of words) {
    if (!byPage.has(w.pw.page)) byPage.set(w.pw.page, []);
    byPage.get(w.pw.page).push(w);
  }
  const out = [];
  for (const page of results) {
    const ws = byPage.get(page) ?? [];
    const locs = ws.flatMap((w) => w.pw.locs.map(([weight, loc]) => ({ w, weight, loc })));
    locs.sort((a, b) => a.loc - b.loc);
    const weighted = new Map();
    for (let i = 0; i < locs.length; ) {
      let j = i;
      const seen = new Map();
      while (j < locs.length && locs[j].loc === locs[i].loc) {
        if (!seen.has(locs[j].w.ti)) seen.set(locs[j].w.ti, locs[j]);
        j++;
      }
      const min = Math.min(...[...seen.values()].map((s) => s.weight));
      const eff = seen.size > 1 ? Math.min(255, min * seen.size) : min;
      for (const s of seen.values()) weighted.set(s.w.word, (weighted.get(s.w.word) ?? 0) + eff);
      i = j;
    }
    const dl = b.pages[page].wc;
    const parts = [];
    let base = 0;
    for (const [word, wtf0] of [...weighted].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const m = ws.find((w) => w.word === word);
      const wtf = (wtf0 / 24) * m.lb;
      const i = idf(N, counts[m.ti]);
      const tf = ((W.k1 + 1) * wtf) / (W.k1 * (1 - W.b + (W.b * dl) / apl) + wtf);
      const s = i * tf * m.dbonus;
      parts.push({ word, ti: m.ti, idf: i, tf, s });
      base += s;
    }
    const fields = new Map();
    for (const w of ws)
      for (const [field] of w.pw.meta) {
        if (!fields.has(field)) fields.set(field, new Map());
        fields.get(field).set(w.word, { idf: idf(N, counts[w.ti]), ti: w.ti });
      }
    let meta = 0;
    const metaParts = [];
    for (const [field, m] of fields) {
      const name = b.metaFields[field];
      const fw = W.meta[name] ?? 1;
      const matched = [...m.values()].reduce((s, x) => s + x.idf, 0);
      const cov = matched / totalIdf;
      const boost = totalIdf > 0 ? fw * matched * cov * cov : 0;
      meta += boost;
      metaParts.push({ name, words: [...m.keys()], tis: [...m.values()].map((x) => x.ti), boost, fw });
    }
    out.push({ page, score: base + meta, base, meta, parts, metaParts, dl });
  }
  out.sort((a, b) => b.score - a.score);
  return { results: out, counts, terms, N };
}
const { values, positionals } = parseArgs({
  options: { site: { type: 'string' }, whole: { type: 'string' } },
  allowPositionals: true,
});
const bundleDir = path.join(values.site, 'pagefind');
const shards = readdirSync(bundleDir)
  .filter((f) => statSync(path.join(bundleDir, f)).isDirectory())
  .map((name) => ({ name, b: loadBundle(path.join(bundleDir, name)) }));
const whole = loadBundle(values.whole);
const N = whole.pages.length;
console.log(`whole index: ${N} pages, average length ${whole.apl.toFixed(1)}`);
for (const s of shards)
  console.log(`${s.name}: ${s.b.pages.length} pages, average length ${s.b.apl.toFixed(1)}`);
const show = (r, b) =>
  `${b.pages[r.page].url} ${b.pages[r.page].title} ${r.score.toFixed(6)} (length ${r.dl}; ${r.parts
    .map((p) => `${p.word} ${p.s.toFixed(6)}`)
    .join(', ')}${r.metaParts.map((m) => `; ${m.name} [${m.words}] ${m.boost.toFixed(6)}`).join('')})`;
for (const q of positionals) {
  console.log(`\n${q}`);
  const w = search(whole, q).results;
  for (const r of w.slice(0, 3)) console.log(`  whole: ${show(r, whole)}`);
  // The loader: each word searched shard by shard, its scores scaled by its IDF over the site over
  // that in the shard, each page's length measured against the site's average.
  const found = normalise(q)
    .split(' ')
    .map((word) => {
      const n = shards.map((s) => search(s.b, word).results.length);
      return { word, n, total: n.reduce((a, b) => a + b, 0) };
    });
  const all = [];
  for (const [i, s] of shards.entries()) {
    if (found.some((f) => f.n[i] === 0)) continue;
    const score = new Map();
    for (const f of found) {
      const factor = idf(N, f.total) / idf(s.b.pages.length, f.n[i]);
      for (const r of search(s.b, f.word, { apl: whole.apl }).results)
        score.set(r.page, (score.get(r.page) ?? 0) + r.score * factor);
    }
    for (const r of search(s.b, q).results) all.push({ s, r, score: score.get(r.page) ?? 0 });
  }
  all.sort((a, b) => b.score - a.score);
  for (const x of all.slice(0, 3))
    console.log(`  shards: ${x.score.toFixed(6)} ${x.s.name} ${show(x.r, x.s.b)}`);
}
