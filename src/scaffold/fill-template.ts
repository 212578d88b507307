/** A placeholder of the starter's files: `{{name}}`, a bare name (so `{{ … }}` and `${{ … }}` stay text). */
const PLACEHOLDER = /\{\{([A-Za-z]+)\}\}/g;

/**
 * The template with every `{{name}}` replaced by `values[name]`, which the caller has already made
 * safe for the kind of file (YAML, Markdown). A name without a value is a mistake in gazette's own
 * starter files: thrown, never written into a site.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  file: string,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`starter/${file} has a placeholder {{${name}}} without a value`);
    return value;
  });
}
