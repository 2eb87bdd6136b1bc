import { z } from "zod";
import type { KeyedTexts, PendingPage, PendingPages } from "./state-store.js";

const pendingPageSchema = z.object({ repo: z.string(), number: z.number().int(), homeRepo: z.string() });

function parsePage(text: string): PendingPage | null {
  try {
    const parsed = pendingPageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The pages awaiting escalation, as JSON texts in a store's keyed texts: an entry that does not
 * read (written by another version, or damaged) is left out rather than stopping the watch.
 */
export function pendingPagesOver(texts: KeyedTexts): PendingPages {
  return {
    set: (key, page) => texts.set(key, JSON.stringify(page)),
    delete: (key) => texts.delete(key),
    list: async () =>
      (await texts.list()).flatMap(([key, text]): [string, PendingPage][] => {
        const page = parsePage(text);
        return page ? [[key, page]] : [];
      }),
  };
}
