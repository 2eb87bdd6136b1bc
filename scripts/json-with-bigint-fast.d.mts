/** JSON.parse where no integer can be too big for a number, else json-with-bigint's parse. */
export function JSONParse(text: string, reviver?: (key: string, value: unknown) => unknown): unknown;
export { JSONStringify } from "json-with-bigint";
