/**
 * GitHub's anchor for a heading: lower case, punctuation removed, spaces made hyphens. The site
 * gives headings the same ids, so `#diagnosis` works on GitHub and on the site alike.
 */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Gives each heading a unique id in document order: a repeated slug gets `-1`, `-2`... as on GitHub. */
export function uniqueHeadingIds(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = headingSlug(text);
    let id = base;
    let count = seen.get(base) ?? 0;
    while (seen.has(id)) {
      count += 1;
      id = `${base}-${count}`;
    }
    seen.set(base, count);
    seen.set(id, 0);
    return id;
  });
}
