-- wrk script: the baseline, GET /v1/health (no storage, no auth) on the same server.
done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d errors_status=%d errors_connect=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    latency:percentile(50), latency:percentile(99)))
end
