import { yamlScalar } from '../yaml/yaml-scalar.js';
import { fillTemplate } from './fill-template.js';
import type { SiteValues } from './site-values.js';

/**
 * site.yaml of a new site: the starter's file, commented in Chinese for every key, with the office's
 * values. Every value is a YAML scalar of its own (quoted where needed), so that no text typed by
 * people (quotes, `: `, `#`) changes the file around it; a key without a value stays as a comment
 * with an example, ready to fill in.
 */
export function siteYaml(template: string, values: SiteValues): string {
  const { title, defaultSource, icp, police } = values;
  return fillTemplate(
    template,
    {
      title: yamlScalar(title),
      description: yamlScalar(values.description ?? ''),
      baseUrl: yamlScalar(values.baseUrl),
      timeZone: yamlScalar(values.timeZone),
      defaultSource:
        defaultSource === undefined
          ? '# defaultSource: 单位名称'
          : `defaultSource: ${yamlScalar(defaultSource)}`,
      categories: values.categories
        .map((c) => `  - name: ${yamlScalar(c.name)}\n    slug: ${yamlScalar(c.slug)}`)
        .join('\n'),
      footer: yamlScalar(values.footer ?? `版权所有 © ${defaultSource ?? title}`),
      icp: icp === undefined ? '# icp: 浙ICP备12345678号' : `icp: ${yamlScalar(icp)}`,
      police:
        police === undefined
          ? '# police:\n#   text: 浙公网安备 33070202000123号'
          : `police:\n  text: ${yamlScalar(police)}`,
    },
    'site.yaml',
  );
}
