-- Prints wrk's summary as one JSON line (scripts/bench/support/load.ts reads it): wrk's own report
-- has no 97.5th percentile. Times are in microseconds, as wrk measures them.
done = function(summary, latency, requests)
  io.write(string.format(
    '\n{"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"httpErrors":%d,"timeouts":%d,"p50Us":%d,"p97_5Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(97.5), latency:percentile(99), latency.max))
end
