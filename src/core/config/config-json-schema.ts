import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import {
  exactlyOneMatch,
  InspectorConfigSchema,
  MATCH_KEYS,
  realCalendarDate,
} from './inspector-config-schema';

export const CONFIG_SCHEMA_ID = 'https://jeejio-privacy-inspector.local/schemas/inspector-config.schema.json';

/**
 * inspector.config.json's JSON Schema, generated from the valibot schema so the
 * two cannot drift (a test compares it with the committed file). The two
 * custom checks and trimming are translated by hand; any other action the converter does
 * not know makes it throw, rather than leave a rule out silently.
 */
export function inspectorConfigJsonSchema(): JsonSchema {
  const schema = toJsonSchema(InspectorConfigSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    overrideAction: ({ valibotAction, jsonSchema }) => {
      // "format": "date" already says YYYY-MM-DD; February 30th is refused when the file is read.
      if (valibotAction === realCalendarDate) return jsonSchema;
      // Canaries and filter list names are trimmed before their lengths are checked; JSON Schema
      // cannot trim, so an editor accepts "  ab " that reading the file then refuses.
      if (valibotAction.type === 'trim') return jsonSchema;
      if (valibotAction === exactlyOneMatch) {
        return { ...jsonSchema, oneOf: MATCH_KEYS.map((key) => ({ required: [key] })) };
      }
      return undefined;
    },
  });
  return {
    $schema: schema.$schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'Jeejio Privacy Inspector configuration (inspector.config.json)',
    ...schema,
  };
}
