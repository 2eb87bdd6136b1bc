/** The answer GitHub writes into an issue form's body for a field left empty. */
const NO_RESPONSE = /^_?no response_?$/i;

/**
 * Reads an issue form's answers from an issue body: GitHub renders each field as `### Label`
 * followed by the answer. Keys are the labels in lower case; empty answers are left out.
 */
export function readIssueForm(body: string | null | undefined): ReadonlyMap<string, string> {
  const fields = new Map<string, string>();
  if (!body) return fields;
  const sections = body
    .replace(/\r\n/g, "\n")
    .split(/^### +/m)
    .slice(1);
  for (const section of sections) {
    const newline = section.indexOf("\n");
    const label = (newline === -1 ? section : section.slice(0, newline)).trim().toLowerCase();
    const value = newline === -1 ? "" : section.slice(newline + 1).trim();
    if (label && value && !NO_RESPONSE.test(value)) fields.set(label, value);
  }
  return fields;
}

/** The first answer among several possible field labels. */
export function formField(
  fields: ReadonlyMap<string, string>,
  ...labels: readonly string[]
): string | undefined {
  for (const label of labels) {
    const value = fields.get(label.toLowerCase());
    if (value !== undefined) return value;
  }
  return undefined;
}
