// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes parse and
// answer with (lib/api/schemas.ts): a parameter or field added there appears here by itself.
import { z } from "zod";
import { errorSchema, eventRecordSchema, factRecordSchema, listQuerySchema, pageSchema, revisionRecordSchema, revisionsQuerySchema } from "@/lib/api/schemas";

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

/** Query parameters from an object schema: each field, its description, arrays as repeated keys. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = schemaOf(field as z.ZodType, "input");
    const { description, ...fieldSchema } = json;
    const required = !(field as z.ZodType).safeParse(undefined).success;
    return {
      name,
      in: "query",
      required,
      ...(description ? { description } : {}),
      schema: fieldSchema,
      ...(fieldSchema.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

const errorResponses = {
  "400": { description: "The query is malformed; the message says which parameter and why", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "429": {
    description: "Too many requests from this address (anonymous use is limited); Retry-After says when to come back",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
};

function listOperation(summary: string, description: string, page: string) {
  return {
    get: {
      summary,
      description,
      parameters: queryParameters(listQuerySchema),
      responses: {
        "200": {
          description: "One page of records. With updated_since, `deleted` lists records deleted since then. The next page is at meta.next_url (and in the Link header).",
          content: {
            "application/json": { schema: { $ref: `#/components/schemas/${page}` } },
            "text/csv": { schema: { type: "string" }, example: "id,event_id,metric,...\r\n" },
          },
        },
        ...errorResponses,
      },
    },
  };
}

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Chipwatch data API",
      version: "1.0.0",
      description:
        "Facts and events of the US–China AI-chip contest as Chipwatch stores them, each fact with the sentence that states it and its source. Filters are the dashboard's own URL parameters. Page with `cursor`; sync incrementally with `updated_since` (records created or changed since, plus deletions).",
    },
    servers: [{ url: origin }],
    paths: {
      "/api/v1/facts": listOperation("Accepted facts in a view", "Facts of the events in the view; under a company filter, only the company's own facts (by role).", "FactPage"),
      "/api/v1/events": listOperation("Events in a view", "Events matching the dashboard's filters, in id order.", "EventPage"),
      "/api/v1/revisions": {
        get: {
          summary: "The record of corrections",
          description: "Every change to a fact or an event after it was created: when, which editor, why, and each changed field before and after.",
          parameters: queryParameters(revisionsQuerySchema),
          responses: {
            "200": {
              description: "Revisions, oldest first",
              content: {
                "application/json": { schema: { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/Revision" } } }, required: ["data"] } },
              },
            },
            "400": errorResponses["400"],
          },
        },
      },
    },
    components: {
      schemas: {
        Fact: schemaOf(factRecordSchema),
        Event: schemaOf(eventRecordSchema),
        FactPage: schemaOf(pageSchema(factRecordSchema)),
        EventPage: schemaOf(pageSchema(eventRecordSchema)),
        Revision: schemaOf(revisionRecordSchema),
        Error: schemaOf(errorSchema),
      },
    },
  };
}
