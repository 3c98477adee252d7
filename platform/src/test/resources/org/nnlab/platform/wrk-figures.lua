-- wrk's done hook: prints the run's figures on one line that Wrk.java reads. wrk's own --latency table stops at
-- 50/75/90/99 %; this adds the 95th percentile. Latencies are in microseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("nnlab-wrk requests=%d micros=%d errors=%d p50=%d p95=%d p99=%d max=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
