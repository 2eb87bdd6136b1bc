import type * as z from "zod";

/** A JSON Schema file published under `schema/` for editors, generated from a zod schema. */
export interface PublishedSchema {
  readonly file: string;
  readonly title: string;
  readonly schema: z.ZodType;
}
