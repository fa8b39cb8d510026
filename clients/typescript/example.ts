// A tiny typed example: tsc --noEmit checks it against the generated types (make test runs it).
import type { components, operations, paths } from "./schema";

type Target = components["schemas"]["Target"];
type TargetList = components["schemas"]["TargetList"];
type Problem = components["schemas"]["Problem"];
type ListTargetsQuery = NonNullable<operations["list_targets"]["parameters"]["query"]>;

const query: ListTargetsQuery = { unit: "m2", comparator: "gte", limit: 50 };

export async function targetsInSquareMetres(base: string): Promise<Target[]> {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const response = await fetch(`${base}/v1/targets?${params}`);
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  const page = (await response.json()) as TargetList;
  return page.data.filter((target) => target.type === "quantitative" && target.value !== undefined);
}

export function describe(target: Target): string {
  const stated = target.stated ? ` (${target.stated.text})` : "";
  return `${target.id}: ${target.indicator["zh-Hant"] ?? ""} ${target.value ?? ""} ${target.unit ?? ""}${stated}`;
}

export const measuresPath: keyof paths = "/v1/measures";
