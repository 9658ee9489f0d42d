import { isCommentFigures, type Measurement, type RouteKey, type SizeResult, type TargetCheck } from "./results";

/** The targets, next to the figures they judge. */
const SCALING_ROUTES: RouteKey[] = ["home", "section", "search"];
const MAX_SCALING_FACTOR = 1.5;
const MAX_RSS_MB = 300;

export function ratioToCeiling(result: SizeResult, measurement: Measurement): number | null {
  const ceiling = result.measurements.find((item) => item.key === "ceiling");
  return ceiling && ceiling.figures.requestsPerSecond > 0
    ? measurement.figures.requestsPerSecond / ceiling.figures.requestsPerSecond
    : null;
}

export function routeTargets(result: SizeResult, measurement: Measurement, allResults: SizeResult[]): TargetCheck[] {
  const { figures } = measurement;
  const ratio = ratioToCeiling(result, measurement);
  // A run in which no response came back has no latency to judge: it fails every check.
  const answered = figures.requests > 0;
  switch (measurement.key) {
    case "article":
      return [
        { target: "≥10% of ceiling", met: ratio === null ? null : ratio >= 0.1 },
        { target: "p99 < 100 ms", met: answered && figures.latencyMs.p99 < 100 },
        { target: "0 errors", met: answered && figures.errors + figures.timeouts + figures.non2xx === 0 },
      ];
    case "articleCached":
      return [{ target: "≥50% of ceiling", met: ratio === null ? null : ratio >= 0.5 }];
    case "comments":
      if (!isCommentFigures(figures)) throw new Error("comment row without comment figures");
      return [
        { target: "≥500 accepted/s", met: figures.acceptedPerSecond >= 500 },
        { target: "every accepted one stored", met: figures.accepted > 0 && figures.missing === 0 },
      ];
    default:
      return SCALING_ROUTES.includes(measurement.key) ? [scalingTarget(result, measurement, allResults)] : [];
  }
}

/** A list page at the largest archive may be at most 1.5× slower (p50) than at the smallest. */
function scalingTarget(result: SizeResult, measurement: Measurement, allResults: SizeResult[]): TargetCheck {
  const smallest = allResults.reduce((small, item) => (item.size < small.size ? item : small));
  const target = `p50 ≤ ${MAX_SCALING_FACTOR}× the ${smallest.size.toLocaleString("en")}-article p50`;
  if (result === smallest) return { target: allResults.length > 1 ? "baseline for the p50 ratio" : target, met: null };
  const baseline = smallest.measurements.find((item) => item.key === measurement.key);
  if (!baseline || baseline.figures.requests === 0) return { target, met: null };
  const { figures } = measurement;
  return {
    target,
    met: figures.requests > 0 && figures.latencyMs.p50 <= MAX_SCALING_FACTOR * baseline.figures.latencyMs.p50,
  };
}

export function rssTarget(result: SizeResult): TargetCheck {
  return { target: `< ${MAX_RSS_MB} MB`, met: result.peakRssMiB * 1.048576 < MAX_RSS_MB };
}
