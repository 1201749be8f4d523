import * as v from 'valibot';
import type { GpcSupport } from '../report/report-scenario';

/** The file is tiny by its spec; a larger answer is no GPC support resource. */
export const MAX_GPC_FILE_BYTES = 16_384;

/** https://privacycg.github.io/gpc-spec/#gpc-support-resource: `gpc` is required, `lastUpdate` an optional date. */
const GpcSupportResource = v.object({
  gpc: v.boolean(),
  lastUpdate: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

/**
 * What a site's /.well-known/gpc.json says, from its response: the site's own
 * word that it honours GPC, shown as a claim beside what the gpc scenario saw.
 */
export function readGpcSupport(origin: string, status: number, body: string): GpcSupport {
  if (status !== 200) return { origin, problem: `answered HTTP ${status}` };
  if (body.length > MAX_GPC_FILE_BYTES)
    return { origin, problem: `is ${body.length} bytes, more than a support resource` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { origin, problem: 'is not JSON' };
  }
  const parsed = v.safeParse(GpcSupportResource, json);
  if (!parsed.success) return { origin, problem: 'has no boolean "gpc" member' };
  return {
    origin,
    gpc: parsed.output.gpc,
    ...(parsed.output.lastUpdate !== undefined && { lastUpdate: parsed.output.lastUpdate }),
  };
}
