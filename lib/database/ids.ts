// Row ids are PostgreSQL `integer`s: 1 … 2,147,483,647. Anything else in a URL or a form is no
// row at all (a 404 or a 400), never a query that overflows the column type.
import { z } from "zod";

export const MAX_ROW_ID = 2_147_483_647;

/** A row id from text (URL segments, form fields). */
export const rowIdSchema = z.coerce.number().int().min(1).max(MAX_ROW_ID);
