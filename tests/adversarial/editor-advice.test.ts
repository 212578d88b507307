// Issue 17: editors at a news office got wrong or missing advice, or saw articles disappear silently.
import { afterEach, describe, it } from 'vitest';
import { failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

describe('fault 2d: two articles at one address name both files with line and column', () => {
  it('at the slug of each', async () => {
    const story = (title: string) =>
      article({ title, date: '2022-03-05 10:00', category: '学习', slug: 'same' });
    await failsCleanly(
      sites.make(),
      { 'content/xuexi/a.md': story('甲'), 'content/xuexi/b.md': story('乙') },
      [
        'content/xuexi/b.md:5:7: error: writes the same page /xuexi/2022/03/same/ as content/xuexi/a.md:5:7; give one of them another slug (slug: …) or date',
      ],
    );
  });

  it('at the title, when the file name makes the slug', async () => {
    const files = {
      'content/xuexi/a.md': article({ title: '甲', date: '2022-03-05 10:00', category: '学习' }),
      'content/yaowen/a.md': article({ category: '学习', title: '乙', date: '2022-03-06 10:00' }),
    };
    await failsCleanly(sites.make(), files, [
      'content/yaowen/a.md:3:8: error: writes the same page /xuexi/2022/03/a/ as content/xuexi/a.md:2:8; give one of them another slug (slug: …) or date',
    ]);
  });
});

